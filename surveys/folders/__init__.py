"""A folder of assessments: names and listing, archive, the folder index and its reader, the earlier assessment."""
