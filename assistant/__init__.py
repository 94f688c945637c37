"""Malå kommun's bilingual project assistant: knowledge base, language handling, dialogue logic."""
