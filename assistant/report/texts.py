"""Every text of the staff report, Swedish and English side by side (as in
assistant/dialogue/phrases.py), and how numbers are written in each language. The report is
for staff who are not technical: say what a number means, in plain words."""

from __future__ import annotations

from assistant.kb.content import Language
from assistant.kb.content import Text as Phrase
from assistant.report.masking import Labels

MASK = {
    "sv": Labels(email="[e-post]", phone="[telefon]", personnummer="[personnummer]"),
    "en": Labels(email="[e-mail]", phone="[phone]", personnummer="[personal identity number]"),
}
LANGUAGE = {"sv": Phrase(sv="svenska", en="Swedish"), "en": Phrase(sv="engelska", en="English")}
OUTCOME = {
    "answered": Phrase(sv="Besvarade", en="Answered"),
    "not_understood": Phrase(sv="Förstod inte", en="Not understood"),
    "error": Phrase(sv="Tekniskt fel", en="Technical error"),
}

# -- the head of the page ---------------------------------------------------------------------
TITLE = Phrase(sv="Vad besökarna frågar chattassistenten", en="What visitors ask the chat assistant")
SUBTITLE = Phrase(sv="Malå kommun, sidan Pågående projekt", en="Malå Municipality, the page Pågående projekt")
PERIOD = Phrase(sv="Perioden {since} – {until} (svensk tid).",
                en="The period {since} – {until} (Swedish time).")
CREATED = Phrase(sv="Rapporten skapades {created}.", en="Report made on {created}.")
RETENTION = Phrase(
    sv="Konversationer sparas i {days} dagar och raderas sedan (inställningen RETENTION_DAYS).",
    en="Conversations are kept for {days} days and then deleted (the setting RETENTION_DAYS).")
OLDEST = Phrase(sv="Den äldsta sparade konversationen är från {oldest}.",
                en="The oldest stored conversation is from {oldest}.")
NOTHING_STORED = Phrase(sv="Inga konversationer är sparade.", en="No conversations are stored.")
CUT = Phrase(
    sv="Obs! Perioden börjar före {cutoff}. Konversationer som avslutades före dess har raderats, "
       "så siffrorna för de första dagarna är ofullständiga eller saknas.",
    en="Note: the period starts before {cutoff}. Conversations that ended before then have been "
       "deleted, so the numbers for the first days are incomplete or missing.")
MASKED = Phrase(
    sv="E-postadresser, telefonnummer och personnummer i besökarnas meddelanden visas som "
       "[e-post], [telefon] och [personnummer]. Svaren i formuläret för kontaktförfrågningar "
       "(namn, e-post, telefon) visas aldrig.",
    en="E-mail addresses, phone numbers and personal identity numbers in visitors' messages are "
       "shown as [e-mail], [phone] and [personal identity number]. What visitors type into the "
       "contact request form (name, e-mail, phone) is never shown.")

# -- summary ----------------------------------------------------------------------------------
SUMMARY = Phrase(sv="Sammanfattning", en="Summary")
KEY_CONVERSATIONS = Phrase(sv="Samtal", en="Conversations")
KEY_MESSAGES = Phrase(sv="Meddelanden från besökare", en="Messages from visitors")
KEY_TYPED = Phrase(sv="Skrivna frågor", en="Typed questions")
KEY_NOT_UNDERSTOOD = Phrase(sv="Förstod inte", en="Not understood")
KEY_HELPFUL = Phrase(sv="Svar som hjälpte", en="Answers that helped")
KEY_REPLY = Phrase(sv="Svarstid (median / 95 %)", en="Reply time (median / 95%)")
KEY_REQUESTS = Phrase(sv="Kontaktförfrågningar", en="Contact requests")
OF_RATINGS = Phrase(sv="av {count} omdömen", en="of {count} ratings")
OF_TYPED = Phrase(sv="av {count} skrivna frågor", en="of {count} typed questions")

# -- conversations and messages per day -------------------------------------------------------
PER_DAY = Phrase(sv="Samtal och meddelanden per dag", en="Conversations and messages per day")
PER_DAY_ABOUT = Phrase(
    sv="Ett samtal är en besökares chatt under en dag. Meddelanden är det besökarna skrev eller "
       "valde med en knapp. Hälsningen som chatten skickar när den öppnas och omdömena om svaren "
       "räknas inte som meddelanden.",
    en="A conversation is one visitor's chat on one day. Messages are what visitors typed or "
       "chose with a button. The greeting the chat sends when it opens and the ratings of answers "
       "are not counted as messages.")
DAY = Phrase(sv="Dag", en="Day")
CONVERSATIONS = Phrase(sv="Samtal", en="Conversations")
MESSAGES = Phrase(sv="Meddelanden", en="Messages")
PER_DAY_FIGURE = Phrase(sv="Diagram: samtal och meddelanden per dag. Siffrorna finns i tabellen nedanför.",
                        en="Chart: conversations and messages per day. The numbers are in the table below.")
SHOW_TABLE = Phrase(sv="Visa siffrorna som tabell", en="Show the numbers as a table")
TOTAL = Phrase(sv="Totalt", en="Total")

# -- languages --------------------------------------------------------------------------------
LANGUAGES = Phrase(sv="Språk", en="Languages")
LANGUAGES_ABOUT = Phrase(
    sv="Språket som assistenten svarade på: det besökaren skrev på, eller sidans språk när "
       "meddelandet inte visade det. Ett samtal räknas till språket i sitt sista svar.",
    en="The language the assistant answered in: the one the visitor wrote in, or the page's "
       "language when the message did not show it. A conversation counts in the language of its "
       "last answer.")
LANGUAGE_COLUMN = Phrase(sv="Språk", en="Language")
ANSWERS = Phrase(sv="Svar", en="Answers")
SHARE = Phrase(sv="Andel", en="Share")
LANGUAGES_FIGURE = Phrase(sv="Diagram: samtal per språk. Siffrorna finns i tabellen.",
                          en="Chart: conversations per language. The numbers are in the table.")

# -- answered and not understood --------------------------------------------------------------
OUTCOMES = Phrase(sv="Besvarade och inte förstådda frågor", en="Questions answered and not understood")
OUTCOMES_ABOUT = Phrase(
    sv="Här räknas bara det besökarna skrev själva, inte knappar. \"Förstod inte\" betyder att "
       "assistenten inte kunde placera frågan eller att den låg utanför sidan: den svarade \"Det "
       "kan jag tyvärr inte svara på\" eller frågade tillbaka vad det gällde. \"Tekniskt fel\" "
       "betyder att något gick fel hos assistenten.",
    en="Only what visitors typed themselves is counted here, not buttons. \"Not understood\" "
       "means that the assistant could not place the question or that it was outside the page: "
       "it answered \"Sorry, I can't answer that\" or asked back what it was about. \"Technical "
       "error\" means that something went wrong in the assistant.")
OUTCOMES_FIGURE = Phrase(
    sv="Diagram: besvarade, inte förstådda och fel per dag. Siffrorna finns i tabellen nedanför.",
    en="Chart: answered, not understood and errors per day. The numbers are in the table below.")
PER_LANGUAGE = Phrase(sv="Per språk", en="Per language")
NOT_UNDERSTOOD_SHARE = Phrase(sv="Andel inte förstådda", en="Share not understood")

# -- the messages not understood ---------------------------------------------------------------
NOT_UNDERSTOOD = Phrase(sv="Meddelanden som assistenten inte förstod",
                        en="Messages the assistant did not understand")
NOT_UNDERSTOOD_ABOUT = Phrase(
    sv="De vanligaste först. Meddelanden som bara skiljer sig i stora och små bokstäver, "
       "skiljetecken, å/ä/ö, maskerade uppgifter eller ett par bokstäver räknas som ett; de "
       "andra stavningarna står under. Här finns det som knowledge/ eller träningsdata kan "
       "behöva: frågor om projekten som assistenten borde ha förstått, och frågor som ofta "
       "ställs men som sidan inte svarar på.",
    en="The most frequent first. Messages that differ only in capitals, punctuation, å/ä/ö, "
       "masked details or a couple of letters count as one; the other spellings are listed under "
       "it. This is where knowledge/ or the training data may need work: questions about the "
       "projects the assistant should have understood, and questions often asked that the page "
       "does not answer.")
MESSAGE = Phrase(sv="Meddelande", en="Message")
TIMES = Phrase(sv="Antal", en="Times")
ALSO_WRITTEN = Phrase(sv="Också skrivet", en="Also written")
NONE = Phrase(sv="Inga under perioden.", en="None in the period.")

# -- what visitors ask about ------------------------------------------------------------------
TOPICS = Phrase(sv="Vad besökarna frågar om", en="What visitors ask about")
TOPICS_ABOUT = Phrase(
    sv="Projekten som svaren handlade om, behoven som assistenten skickade vidare till en "
       "kontaktperson (rekrytering, råd till företag …), och de vanligaste skrivna frågorna.",
    en="The projects the answers were about, the needs the assistant sent on to a contact "
       "person (recruitment, advice for businesses …), and the most frequent typed questions.")
PROJECTS = Phrase(sv="Projekt", en="Projects")
NEEDS = Phrase(sv="Behov", en="Needs")
QUESTIONS = Phrase(sv="Vanligaste frågorna", en="Most frequent questions")
TOPICS_FIGURE = Phrase(sv="Diagram: svar per projekt och per behov. Siffrorna finns i tabellerna.",
                       en="Chart: answers per project and per need. The numbers are in the tables.")

# -- contact requests -------------------------------------------------------------------------
REQUESTS = Phrase(sv="Kontaktförfrågningar per kontaktperson", en="Contact requests per contact person")
REQUESTS_ABOUT = Phrase(
    sv="Förfrågningar som besökare lämnade i chatten under perioden. \"Hanterade\" är de som "
       "markerats klara (assistant requests done). Ett mejl som inte kunnat skickas efter alla "
       "försök väntar på personal (assistant requests outbox).",
    en="Requests visitors left in the chat in the period. \"Handled\" are those marked done "
       "(assistant requests done). A mail that could not be sent after every try waits for staff "
       "(assistant requests outbox).")
CONTACT = Phrase(sv="Kontaktperson", en="Contact person")
NEW = Phrase(sv="Nya", en="New")
DONE = Phrase(sv="Hanterade", en="Handled")
MAIL_WAITING = Phrase(sv="Mejl väntar", en="Mail waiting")
MAIL_DEAD = Phrase(sv="Mejl misslyckades", en="Mail failed")

# -- feedback ---------------------------------------------------------------------------------
FEEDBACK = Phrase(sv="Omdömen om svaren", en="Ratings of the answers")
FEEDBACK_ABOUT = Phrase(
    sv="Under ett svar kan besökaren välja \"Hjälpte\" eller \"Hjälpte inte\". Det är frivilligt, "
       "så få svar får ett omdöme. Tabellen visar svaren som oftast fick \"Hjälpte inte\" och "
       "frågan som kom före.",
    en="Under an answer a visitor can choose \"Helpful\" or \"Not helpful\". It is optional, so "
       "few answers are rated. The table shows the answers most often rated \"Not helpful\" and "
       "the question before them.")
HELPFUL = Phrase(sv="Hjälpte", en="Helpful")
NOT_HELPFUL = Phrase(sv="Hjälpte inte", en="Not helpful")
RATINGS = Phrase(sv="Omdömen", en="Ratings")
ANSWER = Phrase(sv="Svaret", en="The answer")
QUESTION_BEFORE = Phrase(sv="Frågan före", en="The question before")
BUTTON = Phrase(sv="(knapp {payload})", en="(button {payload})")
FEEDBACK_FIGURE = Phrase(sv="Diagram: antal omdömen \"Hjälpte\" och \"Hjälpte inte\".",
                         en="Chart: how many ratings \"Helpful\" and \"Not helpful\".")

# -- reply time -------------------------------------------------------------------------------
REPLY = Phrase(sv="Svarstid", en="Reply time")
REPLY_ABOUT = Phrase(
    sv="Tiden från att besökarens meddelande kom fram till assistentens första svar. Hälften av "
       "svaren kom snabbare än medianen; 95 av 100 svar kom snabbare än den 95:e percentilen.",
    en="The time from a visitor's message arriving to the assistant's first answer. Half of the "
       "answers came faster than the median; 95 in 100 came faster than the 95th percentile.")
MEDIAN = Phrase(sv="Median", en="Median")
P95 = Phrase(sv="95:e percentilen", en="95th percentile")
REPLIES = Phrase(sv="Antal svar", en="Answers")
SECONDS = Phrase(sv="sekunder", en="seconds")
REPLY_FIGURE = Phrase(sv="Diagram: hur många svar som tog hur lång tid.",
                      en="Chart: how many answers took how long.")
NO_REPLIES = Phrase(sv="Inga svar under perioden.", en="No answers in the period.")


def number(value: int, language: Language) -> str:
    """12 345 (Swedish) or 12,345 (English)."""
    written = f"{value:,}"
    return written.replace(",", "\u00a0") if language == "sv" else written


def percent(part: int, whole: int, language: Language) -> str:
    """"12,5 %" or "12.5%"; "–" when there is nothing to divide."""
    if not whole:
        return "–"
    share = f"{100 * part / whole:.1f}"
    return f"{share.replace('.', ',')}\u00a0%" if language == "sv" else f"{share}%"


def seconds(value: float | None, language: Language) -> str:
    if value is None:
        return "–"
    written = f"{value:.2f}"
    return f"{written.replace('.', ',')}\u00a0s" if language == "sv" else f"{written}\u00a0s"
