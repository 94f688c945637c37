"""Every sentence the assistant says that is not a fact: Swedish and English side by side,
so a translator sees both at once. Facts are filled in from the knowledge base
through the {placeholders}; never write a fact here."""

from __future__ import annotations

from assistant.kb.content import Text as Phrase

# -- greeting, small talk ----------------------------------------------------------
GREET = Phrase(
    sv="Hej! Jag är Malå kommuns projektassistent. Jag kan berätta om {count} utvecklingsprojekt "
       "från sidan Pågående projekt: {projects}. Fråga vad de gör, vem som finansierar dem, när "
       "de pågår och vem du ska kontakta. Du kan skriva på svenska eller engelska.",
    en="Hi! I'm Malå Municipality's project assistant. I can tell you about {count} development "
       "projects from the page Pågående projekt (Ongoing projects): {projects}. Ask what they do, "
       "who funds them, when they run and whom to contact. You can write in English or Swedish.",
)
CAPABILITIES = Phrase(
    sv="Jag svarar på frågor om projekten på Malå kommuns sida Pågående projekt (senast "
       "uppdaterad {updated}): {projects}. Till exempel: vad ett projekt gör, vem som "
       "finansierar det, när det pågår, om det har avslutats och vem du kontaktar. Jag kan "
       "också tala om vem du ska vända dig till om du söker personal, vill ha råd om hållbar "
       "tillväxt för ditt företag eller undrar över lokal service.",
    en="I answer questions about the projects on Malå Municipality's page Pågående projekt "
       "(Ongoing projects, last updated {updated}): {projects}. For example: what a project does, "
       "who funds it, when it runs, whether it has ended and whom to contact. I can also tell "
       "you whom to turn to if you are looking for staff, want advice on sustainable growth for "
       "your company or have a question about local services.",
)
GOODBYE = Phrase(sv="Hej då, och välkommen tillbaka!", en="Goodbye, and welcome back!")
THANK = Phrase(sv="Varsågod! Fråga gärna om något mer.", en="You're welcome! Feel free to ask more.")
BOT = Phrase(
    sv="Jag är en chattrobot, inte en människa. Jag svarar utifrån Malå kommuns sida Pågående "
       "projekt. För personlig hjälp kan jag ge dig rätt kontaktperson.",
    en="I'm a chatbot, not a person. I answer from Malå Municipality's page Pågående projekt "
       "(Ongoing projects). For personal help I can give you the right contact person.",
)
SWITCHED = Phrase(sv="Visst, vi fortsätter på svenska. Vad vill du veta?",
                  en="Sure, let's continue in English. What would you like to know?")
AFFIRM_NOTHING_PENDING = Phrase(sv="Vad vill du veta? Fråga om ett projekt eller vem du ska kontakta.",
                                en="What would you like to know? Ask about a project or whom to contact.")
DENY = Phrase(sv="Okej! Fråga gärna om något annat.", en="Okay! Feel free to ask about something else.")
FALLBACK = Phrase(
    sv="Det kan jag tyvärr inte svara på. Jag vet bara det som står på Malå kommuns sida "
       "Pågående projekt: {projects}, och vem du kontaktar om dem.",
    en="Sorry, I can't answer that. I only know what is on Malå Municipality's page Pågående "
       "projekt (Ongoing projects): {projects}, and whom to contact about them.",
)
FEEDBACK_THANKS = Phrase(sv="Tack, vad bra att svaret hjälpte!", en="Thank you, glad the answer helped!")
FEEDBACK_NOTED = Phrase(sv="Tack för din återkoppling.", en="Thank you for your feedback.")
FEEDBACK_SORRY = Phrase(
    sv="Tack för att du säger till. Fråga gärna på ett annat sätt, eller be att få en kontaktperson.",
    en="Thank you for telling me. Feel free to ask in another way, or ask for a contact person.",
)
ERROR = Phrase(
    sv="Förlåt, något gick fel hos mig just nu. Försök igen om en stund, eller kontakta Malå "
       "kommun direkt.",
    en="Sorry, something went wrong on my side. Please try again in a moment, or contact Malå "
       "Municipality directly.",
)
TOO_LONG = Phrase(
    sv="Ditt meddelande var för långt för mig. Skriv gärna frågan kortare, med några meningar, "
       "så svarar jag.",
    en="Your message was too long for me. Please ask your question in a few sentences and I "
       "will answer.",
)
UNAVAILABLE = Phrase(
    sv="Förlåt, jag kommer inte åt projektuppgifterna just nu. Försök igen om en stund.",
    en="Sorry, I can't reach the project information right now. Please try again in a moment.",
)

# -- quick replies --------------------------------------------------------------------
BUTTON_LIST = Phrase(sv="Vilka projekt finns?", en="Which projects are there?")
BUTTON_RECRUIT = Phrase(sv="Jag söker personal", en="I'm looking for staff")
BUTTON_ADVICE = Phrase(sv="Råd om hållbar tillväxt", en="Advice on sustainable growth")

# -- projects -------------------------------------------------------------------------
LIST_INTRO = Phrase(
    sv="Sidan Pågående projekt (senast uppdaterad {updated}) beskriver {count} projekt. "
       "Så här ser det ut i dag, {today}:",
    en="The page Pågående projekt (Ongoing projects, last updated {updated}) describes {count} "
       "projects. This is where they stand today, {today}:",
)
LIST_ITEM = Phrase(sv="{name} ({period}): {state}", en="{name} ({period}): {state}")
LIST_OUTRO = Phrase(sv="Fråga gärna mer om något av dem.", en="Feel free to ask more about any of them.")
STATE = {
    "ongoing": Phrase(sv="pågår enligt sidan", en="running, according to the page"),
    "ended": Phrase(sv="pågår inte längre, perioden är slut", en="no longer running, its period is over"),
    "not_started": Phrase(sv="har inte startat", en="not started yet"),
}
STATUS = {
    "ongoing": Phrase(
        sv="{name} pågår enligt sidan ({label} {period}). Sidan uppdaterades senast {updated}, "
           "så kontrollera gärna med kontaktpersonen att inget har ändrats.",
        en="{name} is running, according to the page ({label} {period}). The page was last "
           "updated on {updated}, so you may want to check with the contact person that nothing "
           "has changed."),
    "ended": Phrase(
        sv="{name} pågår inte längre: perioden som sidan anger ({label} {period}) är slut, och i "
           "dag är det {today}.",
        en="{name} is no longer running: the period the page gives ({label} {period}) is over, and "
           "today is {today}."),
    "not_started": Phrase(
        sv="{name} har inte startat än ({label} {period}).",
        en="{name} has not started yet ({label} {period})."),
}
ASK_WHICH_PROJECT = Phrase(
    sv="Vilket projekt menar du? Sidan beskriver {projects}.",
    en="Which project do you mean? The page describes {projects}.",
)
OFFER_CONTACT = Phrase(sv="Vill du ha kontaktuppgifter?", en="Would you like the contact details?")
PERIOD = Phrase(sv="{label}: {period}", en="{label}: {period}")
PURPOSE = Phrase(sv="Syftet med {name}: {text}", en="The purpose of {name}: {text}")
ACTIVITIES = Phrase(sv="Det här ingår i {name}:", en="This is what {name} involves:")
FUNDING = Phrase(sv="{name} finansieras av {financiers}.", en="{name} is funded by {financiers}.")
SHARE = Phrase(sv="{name} ({share} %)", en="{name} ({share}%)")
FUNDING_AMOUNT = Phrase(sv="Belopp: {amount}.", en="Amount: {amount}.")
BUDGET = Phrase(sv="{name} har {budget}.", en="{name} has {budget}.")
AMOUNT_NO_BUDGET = Phrase(
    sv="{name}: {amount}. Sidan anger ingen budget för projektet som helhet.",
    en="{name}: {amount}. The page gives no budget for the project as a whole.",
)
NO_BUDGET = Phrase(
    sv="Sidan anger ingen budget för {name}.",
    en="The page gives no budget for {name}.",
)
OWNER = Phrase(sv="Projektägare för {name} är {owner}.", en="The project owner of {name} is {owner}.")
NO_OWNER = Phrase(
    sv="Sidan anger ingen projektägare för {name}.",
    en="The page does not say who owns {name}.",
)
CO_FINANCIERS = Phrase(sv="Medfinansiärer i {name}: {orgs}.", en="Co-financiers of {name}: {orgs}.")
NO_CO_FINANCIERS = Phrase(
    sv="Sidan nämner inga medfinansiärer för {name} utöver finansiärerna.",
    en="The page names no co-financiers of {name} besides its funders.",
)
CONTACT_UNIT = Phrase(
    sv="För mer information och stöd hänvisar sidan till {unit}.",
    en="For more information and support the page refers to {unit}.",
)
NO_CONTACT = Phrase(
    sv="Sidan anger ingen kontaktperson för {name}.",
    en="The page names no contact person for {name}.",
)
LINKS = Phrase(sv="Här är länkarna för {name}:", en="Here are the links for {name}:")
LINK_WITHOUT_URL = Phrase(
    sv="{title} (sidan visar länken, men adressen finns inte i texten jag har)",
    en="{title} (the page shows this link, but its address is not in the text I have)",
)
NO_LINKS = Phrase(sv="Sidan har inga länkar för {name}.", en="The page has no links for {name}.")
ENDED_NOTE = Phrase(
    sv="Observera att {name} inte längre pågår ({period}); uppgifterna kommer från sidan, senast "
       "uppdaterad {updated}.",
    en="Please note that {name} is no longer running ({period}); the details come from the page, "
       "last updated on {updated}.",
)
KNOWN_INSTEAD = Phrase(sv="Det jag vet om {name}: {summary}", en="What I do know about {name}: {summary}")

# -- people ---------------------------------------------------------------------------
PERSON = Phrase(sv="{name}, {role}", en="{name}, {role}")
PHONE = Phrase(sv="tfn {phone}", en="phone {phone}")
EMAIL = Phrase(sv="e-post {email}", en="e-mail {email}")
ON_LEAVE = Phrase(
    sv="{name} är tjänstledig enligt sidan. Under tiden vikarierar {stand_in}.",
    en="{name} is on leave, according to the page. {stand_in} is standing in.",
)
ON_LEAVE_NO_STAND_IN = Phrase(sv="{name} är tjänstledig enligt sidan.",
                              en="{name} is on leave, according to the page.")
PERSON_PROJECTS = Phrase(sv="Kontakt för: {projects}.", en="Contact for: {projects}.")
UNKNOWN_PERSON = Phrase(
    sv="Den personen nämns inte på sidan. De som nämns är {people}.",
    en="That person is not mentioned on the page. The people it mentions are {people}.",
)

NO_PRIVATE_DATA = Phrase(
    sv="Sidan ger inga privata uppgifter om någon: ingen hemadress, inget personnummer och "
       "ingen lön. Det jag kan ge är kontaktuppgifterna i tjänsten som sidan anger.",
    en="The page gives no private details about anyone: no home address, no personal identity "
       "number and no salary. What I can give are the work contact details the page lists.",
)

# -- routing --------------------------------------------------------------------------
ROUTE = Phrase(
    sv="När det gäller {need} hänvisar sidan till projektet {project}. Kontakta {person}.",
    en="For {need} the page points to the project {project}. Contact {person}.",
)
ROUTE_NO_CONTACT = Phrase(
    sv="Sidan anger ingen kontaktperson för {project}, så jag kan inte hänvisa dig till någon "
       "när det gäller {need}.",
    en="The page names no contact person for {project}, so I cannot send you to anyone about {need}.",
)


# -- organisations ----------------------------------------------------------------------
ORG_ROLE = {
    "owner": Phrase(sv="projektägare för {project}", en="the project owner of {project}"),
    "financier": Phrase(sv="finansiär av {project}", en="a funder of {project}"),
    "financier_as": Phrase(sv="finansiär av {project} (som {label})",
                           en="a funder of {project} (as {label})"),
    "co_financier": Phrase(sv="medfinansiär av {project}", en="a co-financier of {project}"),
    "member": Phrase(sv="del av {network}", en="part of {network}"),
}
ORG_ROLES = Phrase(sv="Enligt sidan är {name} {roles}.", en="According to the page, {name} is {roles}.")
UNKNOWN_ORG = Phrase(
    sv="Den organisationen nämns inte på sidan. Jag kan berätta om {orgs}.",
    en="That organisation is not mentioned on the page. I can tell you about {orgs}.",
)

# -- one fact first -------------------------------------------------------------------
YES = Phrase(sv="Ja.", en="Yes.")
NO = Phrase(sv="Nej.", en="No.")
NONE = Phrase(sv="inget", en="none")
KINDS = {  # what a "how many" question counts: {singular?: word}
    "municipality": {True: Phrase(sv="kommun", en="municipality"),
                     False: Phrase(sv="kommuner", en="municipalities")},
    "region": {True: Phrase(sv="region", en="region"), False: Phrase(sv="regioner", en="regions")},
    "financier": {True: Phrase(sv="finansiär", en="funder"), False: Phrase(sv="finansiärer", en="funders")},
}
COUNT_FUNDERS = {  # {co-financiers?: sentence}
    True: Phrase(sv="{name} har {count} {kind} som medfinansiärer: {orgs}.",
                 en="{name} has {count} {kind} as co-financiers: {orgs}."),
    False: Phrase(sv="{name} finansieras av {count} {kind}: {orgs}.",
                  en="{name} is funded by {count} {kind}: {orgs}."),
}
ORG_COUNT = Phrase(sv="{name} består av {count} kommuner.", en="{name} consists of {count} municipalities.")
ORG_MEMBER = Phrase(sv="{member} ingår i {name}.", en="{member} is part of {name}.")
ORG_NOT_MEMBER = Phrase(sv="{member} ingår inte i {name} enligt sidan.",
                        en="{member} is not part of {name}, according to the page.")
ORG_NOT_LISTED = Phrase(
    sv="Sidan räknar upp alla kommuner i {name}, och den du nämner är inte med bland dem: {members}.",
    en="The page lists every municipality in {name}, and the one you name is not among them: {members}.",
)
ORG_COUNTY = Phrase(sv="{name} ligger i {county}.", en="{name} is in {county}.")

# -- which of the projects ---------------------------------------------------------------
WHICH_DATE = {  # (which date, which end of the order)
    ("end", "last"): Phrase(sv="{name} slutar sist ({period}).", en="{name} ends last ({period})."),
    ("end", "first"): Phrase(sv="{name} slutade först ({period}).", en="{name} ended first ({period})."),
    ("start", "last"): Phrase(sv="{name} startade senast ({period}).",
                              en="{name} started most recently ({period})."),
    ("start", "first"): Phrase(sv="{name} startade först ({period}).", en="{name} started first ({period})."),
}
WHICH_UNDATED = Phrase(sv="För {names} anger sidan inget sådant datum.",
                       en="For {names} the page gives no such date.")
WHICH_BUDGET = Phrase(sv="Bara {names} har en budget angiven på sidan; för {others} anges ingen.",
                      en="Only {names} has a budget on the page; for {others} none is given.")
WHICH_NO_OWNER = Phrase(sv="För {names} anger sidan ingen projektägare.",
                        en="For {names} the page does not say who the owner is.")
WHICH_FUNDED = Phrase(sv="Projekt som finansieras av {orgs}: {names}.",
                      en="Projects funded by {orgs}: {names}.")
WHICH_FUNDED_NONE = Phrase(sv="Sidan nämner inget projekt som finansieras av {orgs}.",
                           en="The page names no project funded by {orgs}.")
WHICH_STATE = {
    "ended": Phrase(sv="Perioden är slut för: {names} (i dag är det {today}).",
                    en="No longer running (today is {today}): {names}."),
    "ongoing": Phrase(sv="Pågår enligt sidan (senast uppdaterad {updated}): {names}.",
                      en="Running according to the page (last updated {updated}): {names}."),
}
WHICH_TOPIC = Phrase(sv="Det är {name} som handlar om det.", en="That is {name}.")

# -- needs: asking back, occupations ----------------------------------------------------------
CLARIFY_NEED = Phrase(
    sv="Vad gäller det? Välj det som passar bäst, så får du rätt kontaktperson.",
    en="What is it about? Pick what fits best and I'll give you the right contact person.",
)
BUTTON_STAFF = Phrase(sv="Personal och kompetens", en="Staff and skills")
BUTTON_BUSINESS = Phrase(sv="Råd till mitt företag", en="Advice for my business")
BUTTON_LOCAL = Phrase(sv="Lokal service", en="Local services")
BUTTON_MOVING = Phrase(sv="Flytta hit", en="Moving here")
ROUTE_OCCUPATION = Phrase(
    sv="För att hitta {occupations} hänvisar sidan arbetsgivare till projektet {project}. Kontakta {person}.",
    en="To find {occupations}, the page points employers to the project {project}. Contact {person}.",
)

# -- hand-off: a contact request, asked one question at a time -----------------------------
OFFER_REQUEST = Phrase(
    sv="Vill du att {person} kontaktar dig? Då ställer jag några korta frågor och skickar vidare "
       "ditt ärende.",
    en="Would you like {person} to contact you? I'll ask a few short questions and pass your request on.",
)
BUTTON_YES = Phrase(sv="Ja", en="Yes")
BUTTON_NO = Phrase(sv="Nej", en="No")
REQUEST_START = Phrase(
    sv="Då tar jag emot ditt ärende till {person} ({need}). Du kan skriva avbryt när som helst.",
    en="I'll take your request for {person} ({need}). You can type cancel at any time.",
)
REQUEST_NO_CONTACT = Phrase(
    sv="Sidan anger ingen kontaktperson för {project}, så jag kan inte skicka vidare en förfrågan "
       "om {need} till någon.",
    en="The page names no contact person for {project}, so I cannot pass a request about {need} "
       "on to anyone.",
)
REQUEST_WHICH_NEED = Phrase(
    sv="Gärna! Vad gäller det? Välj det som passar bäst, så vet jag vem som ska få ditt ärende.",
    en="Gladly! What is it about? Pick what fits best, so I know who should get your request.",
)
ASK_NAME = Phrase(sv="Vad heter du?", en="What is your name?")
ASK_ORGANISATION = Phrase(
    sv="Vilket företag eller vilken organisation gäller det? Skriv ”inget” om det inte gäller någon.",
    en="Which company or organisation is it about? Type “none” if there is none.",
)
ASK_REACH = Phrase(
    sv="Hur når vi dig? Skriv din e-postadress eller ditt telefonnummer (eller båda).",
    en="How can we reach you? Type your e-mail address or phone number (or both).",
)
ASK_ABOUT = Phrase(
    sv="Vad gäller ditt ärende? Beskriv det kort (högst {limit} tecken).",
    en="What is your request about? Describe it briefly (at most {limit} characters).",
)
ASK_CONSENT = Phrase(
    sv="Innan jag skickar något: Malå kommun är ansvarig för uppgifterna. Vi sparar ditt namn, "
       "företag, e-post eller telefon och ditt ärende, för att {person} ska kunna kontakta dig. "
       "Bara {person} och kommunens handläggare ser dem. De sparas i högst {days} dagar och "
       "raderas sedan. Vill du att de raderas tidigare, kontakta Malå kommun och ange ditt "
       "ärendenummer. Läs mer: {link} Godkänner du detta?",
    en="Before I send anything: Malå kommun (Malå Municipality) is responsible for the details. We "
       "store your name, company, e-mail or phone and your request so that {person} can contact "
       "you. Only {person} and the municipality's case officers see them. They are kept for at "
       "most {days} days and then deleted. To have them deleted sooner, contact Malå kommun and "
       "give your reference. More: {link} Do you agree?",
)
PRIVACY_LINK = Phrase(sv="[Integritet och personuppgifter](/privacy.html)",
                      en="[Privacy and personal data](/en/privacy.html)")
SUMMARY = Phrase(
    sv="Så här ser ditt ärende till {person} ut:\nNamn: {name}\nFöretag/organisation: {organisation}\n"
       "Kontakt: {reach}\nÄrende: {about}\nVill du skicka det?",
    en="This is your request for {person}:\nName: {name}\nCompany/organisation: {organisation}\n"
       "Contact: {reach}\nRequest: {about}\nShall I send it?",
)
BUTTON_SEND = Phrase(sv="Skicka", en="Send")
BUTTON_CHANGE = Phrase(sv="Ändra", en="Change")
BUTTON_CANCEL = Phrase(sv="Avbryt", en="Cancel")
ASK_CHANGE = Phrase(sv="Vad vill du ändra?", en="What would you like to change?")
FIELD_LABEL = {
    "handoff_name": Phrase(sv="Namn", en="Name"),
    "handoff_organisation": Phrase(sv="Företag", en="Company"),
    "handoff_reach": Phrase(sv="Kontakt", en="Contact"),
    "handoff_about": Phrase(sv="Ärende", en="Request"),
}
INVALID = {  # why an answer is asked again (reason codes of assistant/handoff/validation.py)
    "empty": Phrase(sv="Jag fick inget svar på det.", en="I didn't get an answer to that."),
    "too_long": Phrase(sv="Det var för långt: högst {limit} tecken.",
                       en="That was too long: at most {limit} characters."),
    "name": Phrase(sv="Det ser inte ut som ett namn.", en="That doesn't look like a name."),
    "email": Phrase(sv="E-postadressen ser inte riktig ut (till exempel namn@foretag.se).",
                    en="That e-mail address doesn't look right (for example name@company.com)."),
    "phone": Phrase(sv="Telefonnumret ser inte riktigt ut (till exempel 070-123 45 67 eller "
                       "+46 70 123 45 67).",
                    en="That phone number doesn't look right (for example +46 70 123 45 67)."),
    "no_reach": Phrase(sv="Jag behöver en e-postadress eller ett telefonnummer för att ni ska kunna nås.",
                       en="I need an e-mail address or a phone number so that you can be reached."),
    "yes_no": Phrase(sv="Svara ja eller nej, tack.", en="Please answer yes or no."),
    "choice": Phrase(sv="Välj ett av alternativen, tack.", en="Please pick one of the options."),
}
REQUEST_SENT = Phrase(
    sv="Tack! Ditt ärende är skickat till {person}. Ditt ärendenummer är {reference}.",
    en="Thank you! Your request has been sent to {person}. Your reference is {reference}.",
)
REQUEST_CANCELLED = Phrase(
    sv="Okej, jag har avbrutit. Inget av det du skrev har sparats.",
    en="Okay, I've cancelled it. Nothing you typed has been kept.",
)
NOTHING_TO_CANCEL = Phrase(sv="Okej, det finns inget pågående ärende att avbryta.",
                           en="Okay, there is no request in progress to cancel.")
NO_CONSENT = Phrase(
    sv="Okej. Utan ditt godkännande sparar jag ingenting och skickar inget vidare. Du kan kontakta "
       "{person} direkt: {card}",
    en="Okay. Without your consent I store nothing and pass nothing on. You can contact "
       "{person} directly: {card}",
)
RATE_LIMITED = Phrase(
    sv="Jag kan inte ta emot fler ärenden just nu. Kontakta {person} direkt: {card}",
    en="I can't take more requests right now. Please contact {person} directly: {card}",
)
RESUME = Phrase(sv="Vi fortsätter med ditt ärende.", en="Let's continue with your request.")
