"""What an instrument and an assessment are: immutable values, and the words for them. Imports only the top modules."""
