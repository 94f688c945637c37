"""Contact requests: a visitor's consented request to be contacted, stored with its outgoing
mail in one transaction (an outbox), delivered by a worker, and managed by staff from the CLI."""
