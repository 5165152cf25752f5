"""External systems whose public content the hub indexes, and the hub's own
record of what it indexed from each (so reconciles, deletions and index rebuilds
work without asking the source again)."""

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Source(models.Model):
    PLONE = "plone"
    TRANSPARENCA = "transparenca"
    PUSH = "push"
    KINDS = [
        (PLONE, "Plone (plone.restapi)"),
        (TRANSPARENCA, "Transparenca (/api/v2/)"),
        (PUSH, _("Push (JSON ingest endpoint)")),
    ]

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    base_url = models.URLField(_("base URL"), blank=True)
    municipality = models.SlugField(_("municipality slug"), max_length=50)
    municipality_name = models.CharField(
        _("municipality name"), max_length=200, blank=True
    )
    # Remote language code -> hub locale, e.g. {"sr-latn": "sr"}; codes not
    # listed map to themselves when the hub knows them.
    language_map = models.JSONField(_("language map"), default=dict, blank=True)
    # Remote content type -> hub type key, added to the adapter's defaults.
    type_map = models.JSONField(_("type map"), default=dict, blank=True)
    # The webhook's HMAC key must be readable to verify signatures; the push
    # token is only compared, so only its hash is kept.
    webhook_secret = models.CharField(_("webhook secret"), max_length=200, blank=True)
    token_hash = models.CharField(_("push token hash"), max_length=64, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    reconcile_interval = models.PositiveIntegerField(
        _("reconcile interval (seconds)"), default=900
    )
    timeout = models.FloatField(_("request timeout (seconds)"), default=10.0)

    last_sync_at = models.DateTimeField(_("last sync"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # The same error as msgids and parameters (sources.remote.Explained), so
    # the admin reads it in each user's language; last_error stays English
    # for the log and for what was recorded before.
    error_details = models.JSONField(default=list, blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(
        _("consecutive failures"), default=0
    )
    # Incremental pulls start from here (minus an overlap).
    cursor = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def set_token(self, token=None):
        token = token or secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    def token_matches(self, token):
        if not self.token_hash or not token:
            return False
        return secrets.compare_digest(self.token_hash, hash_token(token))

    def locale_for(self, code):
        from search.analysis import LANGUAGES

        code = (code or "").lower()
        mapped = self.language_map.get(code) or code.split("-")[0]
        return mapped if mapped in LANGUAGES else None

    def record_success(self, count=None):
        now = timezone.now()
        self.last_sync_at = self.last_success_at = now
        self.last_error = ""
        self.error_details = []
        self.consecutive_failures = 0
        self.item_count = self.items.count() if count is None else count
        self.save(
            update_fields=[
                "last_sync_at",
                "last_success_at",
                "last_error",
                "error_details",
                "consecutive_failures",
                "item_count",
                "cursor",
            ]
        )

    def record_failure(self, error, item=None):
        """`error`: an exception (translatable when it is a remote.Explained)
        or a text; `item`: the external id it concerns, if one."""
        self.last_sync_at = timezone.now()
        self.set_errors([(item, error)])
        self.consecutive_failures += 1
        self.save(
            update_fields=[
                "last_sync_at",
                "last_error",
                "error_details",
                "consecutive_failures",
            ]
        )

    def set_errors(self, errors):
        """[(external id or None, error)] as last_error and error_details."""
        self.last_error = "; ".join(
            f"{item}: {error}" if item else str(error) for item, error in errors
        )[:2000]
        self.error_details = [error_detail(item, error) for item, error in errors]

    @property
    def error_text(self):
        """The last error in the active language (the admin's "Last error")."""
        if not self.error_details:
            return self.last_error
        from .remote import explain

        parts = []
        for detail in self.error_details:
            text = explain(detail) if "message" in detail else detail["text"]
            parts.append(f"{detail['item']}: {text}" if detail.get("item") else text)
        return "; ".join(parts)


def error_detail(item, error):
    explanation = getattr(error, "explanation", None)
    detail = dict(explanation) if explanation else {"text": str(error)[:2000]}
    return {**detail, "item": item} if item else detail


class SourceItem(models.Model):
    """One item the hub indexed from a source, with the data its search
    document is built from (so the index can be rebuilt while the source is
    down)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="items")
    external_id = models.CharField(max_length=200)
    url = models.URLField(max_length=1000)
    locale = models.CharField(max_length=10)
    translation_group = models.CharField(max_length=200, blank=True)
    modified = models.CharField(max_length=64, blank=True)
    version = models.CharField(max_length=100, blank=True)
    content_hash = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    indexed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="sources_item_unique_id"
            )
        ]
        indexes = [models.Index(fields=["source", "translation_group"])]

    def __str__(self):
        return f"{self.source.slug}:{self.external_id}"

    @property
    def document_id(self):
        return f"ext-{self.source.slug}-{self.external_id}"


class SeenNonce(models.Model):
    """Nonces of accepted webhook and push requests, kept for the timestamp
    window: a replayed request carries one already here."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE)
    nonce = models.CharField(max_length=100)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "nonce"], name="sources_nonce_unique"
            )
        ]
