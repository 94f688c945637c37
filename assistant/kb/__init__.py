"""The project knowledge base: YAML content in knowledge/, stored in SQL, read through `query`."""
