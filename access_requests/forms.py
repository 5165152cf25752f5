import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import (
    AccessRequest,
    DocumentFormat,
    RequesterCategory,
    State,
    TransitionError,
)

# Tabs and line breaks are fine in free text; other control characters are not.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("Remove the invisible control characters from this field."),
            code="control_characters",
        )
    if MARKUP.search(value):
        raise ValidationError(
            _("Write plain text: HTML tags such as <script> are not accepted."),
            code="markup",
        )


class AccessRequestForm(forms.ModelForm):
    # A honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    class Meta:
        model = AccessRequest
        fields = [
            "requester_name",
            "email",
            "postal_address",
            "category",
            "documents_requested",
            "preferred_format",
            "is_urgent",
            "urgency_reason",
        ]
        labels = {
            "requester_name": _("Your name"),
            "email": _("E-mail"),
            "postal_address": _("Postal address"),
            "category": _("You are asking as"),
            "documents_requested": _("Which documents do you want?"),
            "preferred_format": _("How do you want to receive them?"),
            "is_urgent": _(
                "Urgent: the documents are needed to protect life or liberty"
            ),
            "urgency_reason": _("Why is it urgent?"),
        }
        help_texts = {
            "email": _("We send the receipt and the answer here."),
            "postal_address": _("Give an e-mail address, a postal address or both."),
            "documents_requested": _(
                "Describe the documents as precisely as you can: title, date, "
                "department. You do not have to give a reason."
            ),
            "urgency_reason": _("Urgent requests are answered within 48 hours."),
        }
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "documents_requested": forms.Textarea(attrs={"rows": 6}),
            "urgency_reason": forms.Textarea(attrs={"rows": 3}),
            "category": forms.RadioSelect,
            "preferred_format": forms.RadioSelect,
        }
        error_messages = {
            "requester_name": {"required": _("Please give your name.")},
            "documents_requested": {
                "required": _("Please describe the documents you want.")
            },
            "category": {"required": _("Please choose who you are asking as.")},
            "preferred_format": {"required": _("Please choose a format.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radios start with nothing chosen: the model has no default, so Django
        # would offer (and pre-select) a blank "---------" radio; the choice is
        # required and a missing one gets its own message.
        for name, choices in (
            ("category", RequesterCategory.choices),
            ("preferred_format", DocumentFormat.choices),
        ):
            self.fields[name].choices = choices
        for name in (
            "requester_name",
            "postal_address",
            "documents_requested",
            "urgency_reason",
        ):
            self.fields[name].validators.append(plain_text)
        self.fields["requester_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["postal_address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["website"].widget.attrs.update(
            {"tabindex": "-1", "autocomplete": "off"}
        )

    def clean(self):
        data = super().clean()
        if self.is_bound and self.data.get("website"):
            raise ValidationError(
                _("Your request could not be accepted. Please try again."),
                code="honeypot",
            )
        contact_missing = (
            not data.get("email") and not (data.get("postal_address") or "").strip()
        )
        if contact_missing and not (
            self.errors.get("email") or self.errors.get("postal_address")
        ):
            self.add_error(
                "email",
                _("Give an e-mail address or a postal address so we can answer."),
            )
        if data.get("is_urgent") and not (data.get("urgency_reason") or "").strip():
            self.add_error(
                "urgency_reason", _("Please explain why the request is urgent.")
            )
        return data

    def request_data(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TrackingCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        error_messages={"required": _("Please enter your tracking code.")},
    )

    def clean_code(self):
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).upper()


class AccessRequestAdminForm(WagtailAdminModelForm):
    """The officer's edit form: the state changes only through a transition."""

    next_state = forms.ChoiceField(label=_("Next state"), required=False)
    transition_note = forms.CharField(
        label=_("Note on this step (internal)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    new_extension_days = forms.IntegerField(
        label=_("Extension (working days)"), required=False, min_value=1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = self.instance.allowed_transitions()
        self.fields["next_state"].choices = [("", _("— keep the current state —"))] + [
            (state.value, state.label) for state in State if state in allowed
        ]

    def _post_clean(self):
        super()._post_clean()
        next_state = self.cleaned_data.get("next_state")
        if not next_state or self.errors:
            return
        try:
            self.instance.validate_transition(
                next_state,
                note=self.cleaned_data.get("transition_note", ""),
                extension_days=self.cleaned_data.get("new_extension_days"),
            )
        except TransitionError as error:
            self.add_error(None, error)

    def save(self, commit=True):
        instance = super().save(commit=commit)
        next_state = self.cleaned_data.get("next_state")
        if commit and next_state:
            instance.transition(
                next_state,
                user=getattr(self, "for_user", None),
                note=self.cleaned_data.get("transition_note", ""),
                extension_days=self.cleaned_data.get("new_extension_days"),
            )
        return instance
