"""Rasa custom actions: thin adapters from Rasa's tracker to `assistant.dialogue`."""
