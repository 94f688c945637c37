"""The conversations Rasa keeps: its SQL tracker store on TRACKER_DATABASE_URL (store.py), the
lock store that lets replicas share them (locks.py) and their retention (retention.py)."""
