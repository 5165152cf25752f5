"""Schemas of the municipal content types: the fields of the Wagtail page types
(municipal_acts, press, sessions apps of the hub) with the same names and stored
values. Title, summary (description), body (rich text) and publication date
(effective) come from Plone behaviours; see profiles/default/types/*.xml."""

import json

from plone.app.multilingual.dx.directives import languageindependent
from plone.app.vocabularies.catalog import CatalogSource
from plone.autoform import directives
from plone.schema import JSONField
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice, RelationList
from zope import schema

from transparenca.plone import _


def _catalog(*portal_types):
    return CatalogSource(portal_type=list(portal_types))


class IFacebookPost(model.Schema):
    facebook_url = schema.URI(
        title=_("Facebook post"),
        description=_("Link to the same post on the municipality's Facebook page."),
        required=False,
    )


class IMunicipalAct(model.Schema):
    official_number = schema.TextLine(
        title=_("official number"),
        description=_("e.g. 01-016/18"),
        required=False,
        max_length=50,
    )
    act_type = schema.Choice(
        title=_("act type"),
        vocabulary="transparenca.plone.ActTypes",
        default="regulation",
    )
    issuing_body = schema.Choice(
        title=_("issuing body"),
        vocabulary="transparenca.plone.IssuingBodies",
        default="assembly",
    )
    adoption_date = schema.Date(title=_("adoption date"), required=False)
    entry_into_force_date = schema.Date(title=_("entry into force"), required=False)
    legal_basis = schema.Text(title=_("legal basis"), required=False)
    status = schema.Choice(
        title=_("status"),
        vocabulary="transparenca.plone.ActStatuses",
        default="in_force",
    )
    amends = RelationList(
        title=_("Amends"),
        value_type=RelationChoice(title=_("act"), source=_catalog("transparenca_act")),
        default=[],
        required=False,
    )
    repeals = RelationList(
        title=_("Repeals"),
        value_type=RelationChoice(title=_("act"), source=_catalog("transparenca_act")),
        default=[],
        required=False,
    )
    # Official references and the act chain are the same in every language.
    languageindependent("official_number", "adoption_date", "entry_into_force_date")
    languageindependent("act_type", "issuing_body", "status", "amends", "repeals")


class IDecision(model.Schema):
    decision_number = schema.TextLine(
        title=_("decision number"), required=False, max_length=50
    )
    decision_date = schema.Date(title=_("decision date"), required=False)
    issuing_body = schema.Choice(
        title=_("issuing body"),
        vocabulary="transparenca.plone.IssuingBodies",
        default="assembly",
    )
    session = RelationChoice(
        title=_("adopted at session"),
        source=_catalog("transparenca_session"),
        required=False,
    )
    languageindependent("decision_number", "decision_date", "issuing_body", "session")


class IMinutes(model.Schema):
    session = RelationChoice(
        title=_("session"), source=_catalog("transparenca_session"), required=False
    )
    approval_status = schema.Choice(
        title=_("approval status"),
        vocabulary="transparenca.plone.MinutesApproval",
        default="draft",
    )
    approval_date = schema.Date(title=_("approval date"), required=False)
    languageindependent("session", "approval_status", "approval_date")


class ICompetition(model.Schema):
    kind = schema.Choice(
        title=_("kind"),
        vocabulary="transparenca.plone.CompetitionKinds",
        default="vacancy",
    )
    reference_number = schema.TextLine(
        title=_("reference number"), required=False, max_length=50
    )
    opens_at = schema.Datetime(title=_("opens at"), required=True)
    closes_at = schema.Datetime(title=_("closes at"), required=True)
    contact = schema.Text(title=_("contact"), required=False)
    languageindependent("kind", "reference_number", "opens_at", "closes_at")


class IPressRelease(IFacebookPost):
    pass


class INotice(IFacebookPost):
    valid_until = schema.Date(title=_("valid until"), required=False)
    languageindependent("valid_until")


class IInvitation(IFacebookPost):
    kind = schema.Choice(
        title=_("kind"),
        vocabulary="transparenca.plone.InvitationKinds",
        default="media_conference",
    )
    starts_at = schema.Datetime(title=_("starts at"), required=True)
    ends_at = schema.Datetime(title=_("ends at"), required=False)
    place = schema.TextLine(title=_("place"), required=False, max_length=255)
    languageindependent("kind", "starts_at", "ends_at")


AGENDA_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "rapporteur": {"type": "string"},
                # The UID of the act or decision adopted under this item.
                "adopted": {"type": "string"},
                "video_timestamp": {"type": "string", "pattern": r"^(\d+:)?\d+:\d\d$"},
            },
            "required": ["title"],
            "additionalProperties": False,
        },
    }
)


class IAssemblySession(model.Schema):
    number = schema.Int(title=_("session number"), min=1)
    kind = schema.Choice(
        title=_("kind"),
        vocabulary="transparenca.plone.SessionKinds",
        default="regular",
    )
    starts_at = schema.Datetime(title=_("starts at"), required=True)
    ends_at = schema.Datetime(title=_("ends at"), required=False)
    place = schema.TextLine(title=_("place"), required=False, max_length=255)
    agenda = JSONField(
        title=_("agenda"),
        description=_("Items: title, rapporteur, adopted (UID), video_timestamp."),
        schema=AGENDA_SCHEMA,
        default=[],
        required=False,
    )
    livestream_url = schema.URI(title=_("livestream URL"), required=False)
    recording_url = schema.URI(title=_("recording URL"), required=False)
    directives.order_after(agenda="place")
    languageindependent("number", "kind", "starts_at", "ends_at")
    languageindependent("livestream_url", "recording_url")
