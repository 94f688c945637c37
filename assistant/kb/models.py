"""SQL tables for the knowledge base (SQLAlchemy 1.4, 2.0-style usage).

Texts are stored as a Swedish and an English column side by side, so a row
always carries both languages and a missing translation is a NULL you can see.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()

ID = String(64)


def _texts(name: str, nullable: bool = False) -> tuple[Column, Column]:
    return Column(f"{name}_sv", Text, nullable=nullable), Column(f"{name}_en", Text, nullable=nullable)


class Meta(Base):
    """One row: which content is loaded (its hash and a revision the action server polls)."""

    __tablename__ = "kb_meta"
    id = Column(Integer, primary_key=True)
    revision = Column(Integer, nullable=False)
    content_hash = Column(String(64), nullable=False)
    loaded_at = Column(DateTime(timezone=True), nullable=False)
    page_last_updated = Column(Date, nullable=False)
    title_sv, title_en = _texts("title")
    intro_sv, intro_en = _texts("intro")


class OrganisationRow(Base):
    __tablename__ = "kb_organisations"
    id = Column(ID, primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(200), nullable=False)
    kind = Column(String(40), nullable=False)
    county_id = Column(ID, ForeignKey("kb_organisations.id"))
    member_count = Column(Integer)
    members_complete = Column(Boolean, nullable=False)
    description_sv, description_en = _texts("description", nullable=True)
    gloss_sv, gloss_en = _texts("gloss", nullable=True)


class OrganisationMemberRow(Base):
    __tablename__ = "kb_organisation_members"
    organisation_id = Column(ID, ForeignKey("kb_organisations.id"), primary_key=True)
    member_id = Column(ID, ForeignKey("kb_organisations.id"), primary_key=True)
    position = Column(Integer, nullable=False)


class ContactRow(Base):
    __tablename__ = "kb_contacts"
    id = Column(ID, primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(200), nullable=False)
    role_sv, role_en = _texts("role", nullable=True)
    phone = Column(String(40))
    email = Column(String(200))
    status = Column(String(20), nullable=False)
    stand_in_id = Column(ID, ForeignKey("kb_contacts.id"))


class ProjectRow(Base):
    __tablename__ = "kb_projects"
    id = Column(ID, primary_key=True)
    position = Column(Integer, nullable=False)
    name_sv, name_en = _texts("name")
    short_name = Column(String(200), nullable=False)
    summary_sv, summary_en = _texts("summary")
    purpose_sv, purpose_en = _texts("purpose")
    period_note_sv, period_note_en = _texts("period_note", nullable=True)
    amount_sv, amount_en = _texts("amount", nullable=True)
    budget_sek = Column(Integer)
    budget_text_sv, budget_text_en = _texts("budget_text", nullable=True)
    funding_note_sv, funding_note_en = _texts("funding_note", nullable=True)
    owner_id = Column(ID, ForeignKey("kb_organisations.id"))
    region_id = Column(ID, ForeignKey("kb_organisations.id"))
    contact_unit_id = Column(ID, ForeignKey("kb_organisations.id"))


class AliasRow(Base):
    """A name people type for a project, contact or organisation."""

    __tablename__ = "kb_aliases"
    id = Column(Integer, primary_key=True, autoincrement=True)
    owner_kind = Column(String(20), nullable=False)  # project | contact | organisation
    owner_id = Column(ID, nullable=False)
    position = Column(Integer, nullable=False)
    alias = Column(String(200), nullable=False)
    case_sensitive = Column(Boolean, nullable=False)
    language = Column(String(2))  # sv or en for a project's description, null for a name


class ActivityRow(Base):
    __tablename__ = "kb_activities"
    project_id = Column(ID, ForeignKey("kb_projects.id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    text_sv, text_en = _texts("text")


class PeriodRow(Base):
    __tablename__ = "kb_periods"
    project_id = Column(ID, ForeignKey("kb_projects.id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    label_sv, label_en = _texts("label")
    start = Column(Date)
    end = Column(Date)
    precision = Column(String(10), nullable=False)


class FinancierRow(Base):
    __tablename__ = "kb_financiers"
    project_id = Column(ID, ForeignKey("kb_projects.id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    organisation_id = Column(ID, ForeignKey("kb_organisations.id"), nullable=False)
    with_organisation_id = Column(ID, ForeignKey("kb_organisations.id"))
    share = Column(Integer)
    label_sv, label_en = _texts("label", nullable=True)


class CoFinancierRow(Base):
    __tablename__ = "kb_co_financiers"
    project_id = Column(ID, ForeignKey("kb_projects.id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    organisation_id = Column(ID, ForeignKey("kb_organisations.id"), nullable=False)


class ProjectContactRow(Base):
    __tablename__ = "kb_project_contacts"
    project_id = Column(ID, ForeignKey("kb_projects.id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    contact_id = Column(ID, ForeignKey("kb_contacts.id"), nullable=False)
    role_sv, role_en = _texts("role")


class LinkRow(Base):
    __tablename__ = "kb_links"
    id = Column(Integer, primary_key=True, autoincrement=True)
    project_id = Column(ID, ForeignKey("kb_projects.id"))
    organisation_id = Column(ID, ForeignKey("kb_organisations.id"))
    position = Column(Integer, nullable=False)
    title_sv, title_en = _texts("title")
    url = Column(String(500))


class RouteRow(Base):
    """A routing-table entry: a need, the project the page assigns it to, and whom to contact."""

    __tablename__ = "kb_routes"
    id = Column(ID, primary_key=True)
    position = Column(Integer, nullable=False)
    label_sv, label_en = _texts("label")
    intent = Column(String(60), nullable=False)
    project_id = Column(ID, ForeignKey("kb_projects.id"), nullable=False)
    contact_id = Column(ID, ForeignKey("kb_contacts.id"))
    note_sv, note_en = _texts("note", nullable=True)


class RouteKeywordRow(Base):
    __tablename__ = "kb_route_keywords"
    id = Column(Integer, primary_key=True, autoincrement=True)
    route_id = Column(ID, ForeignKey("kb_routes.id"), nullable=False)
    language = Column(String(2), nullable=False)
    position = Column(Integer, nullable=False)
    keyword = Column(String(200), nullable=False)


# Children first: the order rows are deleted in when content is replaced.
CONTENT_TABLES = [
    RouteKeywordRow, RouteRow, LinkRow, ProjectContactRow, CoFinancierRow, FinancierRow,
    PeriodRow, ActivityRow, AliasRow, ProjectRow, ContactRow, OrganisationMemberRow,
    OrganisationRow,
]

# Tables of earlier layouts (children first): a load drops them, since their foreign keys
# would stop it replacing the content. (kb_topics became kb_routes.)
LEGACY_TABLES = ["kb_topic_keywords", "kb_topics"]
