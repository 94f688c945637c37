"""Text handling shared by the knowledge base and the dialogue: folding, tokens, fuzzy matching."""
