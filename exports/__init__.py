"""Excel workbooks for planning teams (openpyxl). Stands on surveys/ alone."""
