"""Cross-store settlement in GraphQL."""
