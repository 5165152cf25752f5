"""The choices of the Wagtail page types, with the same stored values, so the
hub maps a Plone item onto its own fields without translation tables."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm, SimpleVocabulary

from transparenca.plone import _

CHOICES = {
    "act_types": [
        ("regulation", _("Regulation")),
        ("statute", _("Statute")),
        ("administrative_instruction", _("Administrative instruction")),
        ("plan", _("Plan")),
        ("other", _("Other act")),
    ],
    "act_statuses": [
        ("consultation", _("In public consultation")),
        ("in_force", _("In force")),
        ("amended", _("Amended")),
        ("repealed", _("Repealed")),
    ],
    "issuing_bodies": [
        ("assembly", _("Municipal Assembly")),
        ("mayor", _("Mayor")),
        ("directorate", _("Directorate")),
    ],
    "minutes_approval": [
        ("draft", _("Awaiting approval")),
        ("approved", _("Approved")),
    ],
    "competition_kinds": [
        ("vacancy", _("Job vacancy")),
        ("tender", _("Public tender")),
        ("grant", _("Grant or subsidy")),
        ("scholarship", _("Scholarship")),
    ],
    "invitation_kinds": [
        ("media_conference", _("Media conference")),
        ("public_hearing", _("Public hearing")),
        ("consultation", _("Public consultation")),
        ("ceremony", _("Ceremony")),
        ("other", _("Public activity")),
    ],
    "session_kinds": [
        ("regular", _("Regular")),
        ("extraordinary", _("Extraordinary")),
        ("solemn", _("Solemn")),
    ],
}


def vocabulary(name):
    return SimpleVocabulary(
        [SimpleTerm(value, value, title) for value, title in CHOICES[name]]
    )


def _factory(name):
    @provider(IVocabularyFactory)
    def factory(context):
        return vocabulary(name)

    return factory


ActTypes = _factory("act_types")
ActStatuses = _factory("act_statuses")
IssuingBodies = _factory("issuing_bodies")
MinutesApproval = _factory("minutes_approval")
CompetitionKinds = _factory("competition_kinds")
InvitationKinds = _factory("invitation_kinds")
SessionKinds = _factory("session_kinds")
