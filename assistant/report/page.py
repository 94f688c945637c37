"""The report as one HTML page: inline style, figures as data: URIs, no script, no link that
loads anything, tables beside every chart (screen readers, and staff who want the numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

from assistant.dialogue import wording
from assistant.handoff.mail import LOCAL_TIME
from assistant.kb.content import Language
from assistant.report import figures, texts
from assistant.report.build import Report
from assistant.report.grouping import Group
from assistant.report.texts import Phrase

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem;
     border-bottom: 2px solid #0b4f8a; padding-bottom: 0.2rem; } h3 { font-size: 1.1rem; }
.subtitle { color: #444; margin-top: 0; } .note { background: #fff4e5; border-left: 4px solid #b34700;
      padding: 0.5rem 0.8rem; }
.keys { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.8rem; }
.key { border: 1px solid #c8d3de; border-radius: 6px; padding: 0.6rem 0.8rem; }
.key .value { font-size: 1.5rem; font-weight: 700; display: block; } .key .label { color: #333; }
.key .detail { display: block; color: #444; font-size: 0.85rem; }
table { border-collapse: collapse; margin: 0.8rem 0; width: 100%; }
caption { text-align: left; font-weight: 700; padding: 0.3rem 0; }
tbody th { font-weight: 600; } .message { font-weight: 400; } .variants { font-weight: 400; }
th, td { border-bottom: 1px solid #d5dde5; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.variants { color: #444; font-size: 0.9rem; margin: 0.2rem 0 0 0; padding-left: 1.1rem; }
.message { white-space: pre-wrap; overflow-wrap: anywhere; }
figure { margin: 1rem 0; } img { max-width: 100%; height: auto; }
details { margin: 0.5rem 0 1rem; } summary { cursor: pointer; color: #0b4f8a; }
"""


# Nothing may be fetched: images are data: URIs, the style is inline, there is no script.
POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


class Raw(str):
    """HTML already made safe (a nested list), put into a table cell as it is."""


class Page:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.lang: Language = report.language

    def t(self, phrase: Phrase, **values: object) -> str:
        return phrase(self.lang).format(**values)

    def n(self, value: int) -> str:
        return texts.number(value, self.lang)

    def share(self, part: int, whole: int) -> str:
        return texts.percent(part, whole, self.lang)

    def day(self, value: object) -> str:
        return wording.day(value, self.lang)  # type: ignore[arg-type]

    # -- building blocks -----------------------------------------------------------------
    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "",
              numeric: Sequence[int] = ()) -> str:
        numeric = set(numeric)
        head = "".join(f'<th scope="col"{" class=n" if i in numeric else ""}>{escape(h)}</th>'
                       for i, h in enumerate(headers))
        body = "".join(
            "<tr>" + "".join(self._cell(i, cell, numeric) for i, cell in enumerate(row)) + "</tr>"
            for row in rows)
        caption = f"<caption>{escape(caption)}</caption>" if caption else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    @staticmethod
    def _cell(i: int, cell: str, numeric: set[int]) -> str:
        content = cell if isinstance(cell, Raw) else escape(cell)
        if i == 0:
            return f'<th scope="row">{content}</th>'
        return f'<td{" class=n" if i in numeric else ""}>{content}</td>'

    def figure(self, uri: str, alt: Phrase) -> str:
        return f'<figure><img src="{uri}" alt="{escape(self.t(alt))}"></figure>'

    def folded(self, table: str) -> str:
        return f"<details><summary>{escape(self.t(texts.SHOW_TABLE))}</summary>{table}</details>"

    def section(self, title: Phrase, about: Phrase | None, *parts: str) -> str:
        intro = f"<p>{escape(self.t(about))}</p>" if about else ""
        return f"<section><h2>{escape(self.t(title))}</h2>{intro}{''.join(parts)}</section>"

    def groups(self, found: list[Group]) -> str:
        if not found:
            return f"<p>{escape(self.t(texts.NONE))}</p>"
        rows = []
        for g in found:
            variants = "".join(f"<li>{escape(text)} ({self.n(count)})</li>" for text, count in g.variants(4))
            cell = f'<span class="message">{escape(g.text)}</span>'
            if variants:
                label = escape(self.t(texts.ALSO_WRITTEN))
                cell += f'<ul class="variants" aria-label="{label}">{variants}</ul>'
            rows.append([Raw(cell), self.n(g.count)])
        return self.table([self.t(texts.MESSAGE), self.t(texts.TIMES)], rows, numeric=[1])

    # -- the sections --------------------------------------------------------------------
    def head(self) -> str:
        r = self.report
        lines = [self.t(texts.PERIOD, since=self.day(r.period.since), until=self.day(r.period.until)),
                 self.t(texts.CREATED, created=r.created.astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")),
                 self.t(texts.RETENTION, days=r.retention.days)]
        lines.append(self.t(texts.OLDEST, oldest=self.day(r.retention.oldest.date())) if r.retention.oldest
                     else self.t(texts.NOTHING_STORED))
        cut = (f'<p class="note">{escape(self.t(texts.CUT, cutoff=self.day(r.retention.cutoff)))}</p>'
               if r.retention.cuts(r.period) else "")
        return (f"<header><h1>{escape(self.t(texts.TITLE))}</h1>"
                f'<p class="subtitle">{escape(self.t(texts.SUBTITLE))}</p>'
                f"<p>{escape(' '.join(lines))}</p>{cut}<p>{escape(self.t(texts.MASKED))}</p></header>")

    def summary(self) -> str:
        tally = self.report.tally
        typed = sum(sum(v) for v in tally.outcomes_per_day.values())
        lost = sum(tally.outcomes_per_day.get("not_understood", []))
        rated = tally.feedback[True] + tally.feedback[False]
        keys = [
            (self.n(tally.conversations), self.t(texts.KEY_CONVERSATIONS), ""),
            (self.n(tally.messages), self.t(texts.KEY_MESSAGES), ""),
            (self.n(typed), self.t(texts.KEY_TYPED), ""),
            (self.share(lost, typed), self.t(texts.KEY_NOT_UNDERSTOOD),
             self.t(texts.OF_TYPED, count=self.n(typed))),
            (self.share(tally.feedback[True], rated), self.t(texts.KEY_HELPFUL),
             self.t(texts.OF_RATINGS, count=self.n(rated))),
            (f"{texts.seconds(self.report.reply_median, self.lang)} / "
             f"{texts.seconds(self.report.reply_p95, self.lang)}", self.t(texts.KEY_REPLY), ""),
            (self.n(sum(r.total for r in self.report.requests)), self.t(texts.KEY_REQUESTS), ""),
        ]
        cards = "".join(f'<div class="key"><span class="value">{escape(value)}</span>'
                        f'<span class="label">{escape(label)}</span>'
                        + (f'<span class="detail">{escape(detail)}</span>' if detail else "") + "</div>"
                        for value, label, detail in keys)
        return self.section(texts.SUMMARY, None, f'<div class="keys">{cards}</div>')

    def per_day(self) -> str:
        r, tally = self.report, self.report.tally
        days = r.period.days
        series = {self.t(texts.CONVERSATIONS): tally.conversations_per_day,
                  self.t(texts.MESSAGES): tally.messages_per_day}
        rows = [[str(d), self.n(c), self.n(m)]
                for d, c, m in zip(days, tally.conversations_per_day, tally.messages_per_day, strict=True)]
        rows.append([self.t(texts.TOTAL), self.n(tally.conversations), self.n(tally.messages)])
        table = self.table([self.t(texts.DAY), self.t(texts.CONVERSATIONS), self.t(texts.MESSAGES)], rows,
                           numeric=[1, 2])
        chart = self.figure(figures.per_day(days, series), texts.PER_DAY_FIGURE)
        return self.section(texts.PER_DAY, texts.PER_DAY_ABOUT, chart, self.folded(table))

    def languages(self) -> str:
        tally = self.report.tally
        found = sorted(set(tally.conversations_per_language) | set(tally.answers_per_language),
                       key=lambda code: (-tally.conversations_per_language[code], str(code)))
        total = sum(tally.conversations_per_language.values())
        rows = [[self._language(code), self.n(tally.conversations_per_language[code]),
                 self.share(tally.conversations_per_language[code], total),
                 self.n(tally.answers_per_language[code])] for code in found]
        table = self.table([self.t(texts.LANGUAGE_COLUMN), self.t(texts.CONVERSATIONS), self.t(texts.SHARE),
                            self.t(texts.ANSWERS)], rows, numeric=[1, 2, 3])
        chart = self.figure(figures.bars([self._language(c) for c in found],
                                         [tally.conversations_per_language[c] for c in found]),
                            texts.LANGUAGES_FIGURE) if found else ""
        return self.section(texts.LANGUAGES, texts.LANGUAGES_ABOUT, chart, table)

    def outcomes(self) -> str:
        tally, days = self.report.tally, self.report.period.days
        kinds = [k for k in texts.OUTCOME if k in tally.outcomes_per_day]
        series = {self.t(texts.OUTCOME[k]): tally.outcomes_per_day[k] for k in kinds}
        chart = self.figure(figures.per_day(days, series, stacked=True), texts.OUTCOMES_FIGURE) \
            if kinds else ""
        lost = tally.outcomes_per_day.get("not_understood", [0] * len(days))
        rows = []
        for n, day in enumerate(days):
            values = [tally.outcomes_per_day[k][n] for k in kinds]
            rows.append([str(day), *[self.n(v) for v in values], self.share(lost[n], sum(values))])
        headers = [self.t(texts.DAY), *[self.t(texts.OUTCOME[k]) for k in kinds],
                   self.t(texts.NOT_UNDERSTOOD_SHARE)]
        per_day = self.table(headers, rows, numeric=range(1, len(kinds) + 2))
        languages = sorted({lang for lang, _ in tally.outcomes_per_language}, key=str)
        rows = []
        for code in languages:
            values = [tally.outcomes_per_language[code, k] for k in kinds]
            rows.append([self._language(code), *[self.n(v) for v in values],
                         self.share(tally.outcomes_per_language[code, "not_understood"], sum(values))])
        per_language = self.table([self.t(texts.LANGUAGE_COLUMN), *headers[1:]], rows,
                                  self.t(texts.PER_LANGUAGE), numeric=range(1, len(kinds) + 2))
        return self.section(texts.OUTCOMES, texts.OUTCOMES_ABOUT, chart, per_language, self.folded(per_day))

    def not_understood(self) -> str:
        found = self.groups(self.report.not_understood)
        return self.section(texts.NOT_UNDERSTOOD, texts.NOT_UNDERSTOOD_ABOUT, found)

    def topics(self) -> str:
        r, tally = self.report, self.report.tally
        projects = [(r.names.projects.get(k, k), v) for k, v in tally.projects.most_common()]
        needs = [(r.names.needs.get(k, k), v) for k, v in tally.needs.most_common()]
        parts = []
        for title, found in ((texts.PROJECTS, projects), (texts.NEEDS, needs)):
            parts.append(f"<h3>{escape(self.t(title))}</h3>")
            if found:
                parts.append(self.figure(figures.bars([k for k, _ in found], [v for _, v in found]),
                                         texts.TOPICS_FIGURE))
                parts.append(self.table([self.t(title), self.t(texts.ANSWERS)],
                                        [[k, self.n(v)] for k, v in found], numeric=[1]))
            else:
                parts.append(f"<p>{escape(self.t(texts.NONE))}</p>")
        parts += [f"<h3>{escape(self.t(texts.QUESTIONS))}</h3>", self.groups(r.questions)]
        return self.section(texts.TOPICS, texts.TOPICS_ABOUT, *parts)

    def requests(self) -> str:
        found = self.report.requests
        if not found:
            return self.section(texts.REQUESTS, texts.REQUESTS_ABOUT, f"<p>{escape(self.t(texts.NONE))}</p>")
        names = self.report.names.contacts
        rows = [[names.get(r.contact, r.contact), self.n(r.total), self.n(r.new), self.n(r.done),
                 self.n(r.mail_waiting), self.n(r.mail_dead)] for r in found]
        table = self.table([self.t(texts.CONTACT), self.t(texts.TOTAL), self.t(texts.NEW), self.t(texts.DONE),
                            self.t(texts.MAIL_WAITING), self.t(texts.MAIL_DEAD)], rows, numeric=range(1, 6))
        return self.section(texts.REQUESTS, texts.REQUESTS_ABOUT, table)

    def feedback(self) -> str:
        feedback = self.report.tally.feedback
        labels = [self.t(texts.HELPFUL), self.t(texts.NOT_HELPFUL)]
        values = [feedback[True], feedback[False]]
        chart = self.figure(figures.two(labels, values), texts.FEEDBACK_FIGURE) if any(values) else ""
        rated = sum(values)
        rows = [[label, self.n(v), self.share(v, rated)] for label, v in zip(labels, values, strict=True)]
        counts = self.table([self.t(texts.RATINGS), self.t(texts.TIMES), self.t(texts.SHARE)], rows,
                            numeric=[1, 2])
        rows = []
        for found in self.report.unhelpful:
            questions = "".join(f"<li>{escape(q)} ({self.n(c)})</li>" for q, c in found.questions)
            rows.append([Raw(f'<span class="message">{escape(found.answer)}</span>'),
                         Raw(f'<ul class="variants">{questions}</ul>'), self.n(found.count)])
        headers = [self.t(texts.ANSWER), self.t(texts.QUESTION_BEFORE), self.t(texts.NOT_HELPFUL)]
        answers = self.table(headers, rows, numeric=[2]) if rows else f"<p>{escape(self.t(texts.NONE))}</p>"
        return self.section(texts.FEEDBACK, texts.FEEDBACK_ABOUT, chart, counts, answers)

    def reply(self) -> str:
        r = self.report
        seconds = np.frombuffer(r.tally.reply_seconds, dtype=np.float64)
        if not len(seconds):
            return self.section(texts.REPLY, texts.REPLY_ABOUT, f"<p>{escape(self.t(texts.NO_REPLIES))}</p>")
        table = self.table([self.t(texts.MEDIAN), self.t(texts.P95), self.t(texts.REPLIES)],
                           [[texts.seconds(r.reply_median, self.lang), texts.seconds(r.reply_p95, self.lang),
                             self.n(len(seconds))]], numeric=[1, 2])
        marks = {f"{self.t(label)}: {texts.seconds(value, self.lang)}": value
                 for label, value in ((texts.MEDIAN, r.reply_median), (texts.P95, r.reply_p95))}
        chart = figures.histogram(seconds, marks, self.t(texts.SECONDS))
        return self.section(texts.REPLY, texts.REPLY_ABOUT, table, self.figure(chart, texts.REPLY_FIGURE))

    def _language(self, code: str | None) -> str:
        phrase = texts.LANGUAGE.get(str(code))
        return phrase(self.lang) if phrase else str(code)


def render(report: Report) -> str:
    page = Page(report)
    body = "".join([page.head(), "<main>", page.summary(), page.per_day(), page.languages(), page.outcomes(),
                    page.not_understood(), page.topics(), page.requests(), page.feedback(), page.reply(),
                    "</main>"])
    title = escape(page.t(texts.TITLE))
    return (f'<!DOCTYPE html>\n<html lang="{report.language}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            f"<title>{title}</title><style>{STYLE}</style></head><body>{body}</body></html>\n")
