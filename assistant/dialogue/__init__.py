"""What the assistant says: one handler per intent, rendering knowledge in the visitor's language."""
