"""Build-time helpers for Rasa's NLU: the spaCy pipeline and data generated from the knowledge base."""
