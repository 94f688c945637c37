"""`assistant report`: what visitors ask and where the assistant fails, for the staff who keep
knowledge/ up to date. One self-contained HTML file (figures embedded, no request leaves the
page), read only from Rasa's tracker store and the contact requests.

period.py (the days, in Swedish time), reading.py (one pass over the stored events),
masking.py (e-mail, phone, personnummer), grouping.py (near-duplicate messages),
handoffs.py (contact requests per person), figures.py (matplotlib), page.py (the HTML),
texts.py (every text, Swedish and English side by side), build.py (all of it, and the command).
"""
