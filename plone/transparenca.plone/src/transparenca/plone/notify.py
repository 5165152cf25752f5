"""Tell the Transparenca hub what changed among the public items: publish,
modify (of a published item), retract, delete and move. Events are collected
per transaction and put in the outbox only after it commits, so an aborted edit
sends nothing and the editor's request never waits for the hub."""

import logging

import transaction
from plone import api
from plone.dexterity.interfaces import IDexterityContainer
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility

from transparenca.plone import outbox
from transparenca.plone.interfaces import IHubSettings

logger = logging.getLogger("transparenca.plone")
PUBLISHED = "published"
_PENDING_KEY = "transparenca.plone.pending"


def _settings():
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    try:
        settings = registry.forInterface(IHubSettings, prefix="transparenca")
    except KeyError:  # the add-on is not installed in this site
        return None
    return settings if settings.hub_url else None


def _is_published(obj):
    try:
        return api.content.get_state(obj, default=None) == PUBLISHED
    except Exception:  # no workflow (e.g. a site root): never public content
        return False


def _describe(obj, event):
    modified = obj.modified() if hasattr(obj, "modified") else None
    return {
        "event": event,
        "uid": api.content.get_uuid(obj),
        "path": "/".join(obj.getPhysicalPath()),
        "url": obj.absolute_url(),
        "language": getattr(obj, "language", "") or "",
        "portal_type": obj.portal_type,
        "modified": modified.ISO8601() if modified is not None else None,
    }


def _queue(obj, event):
    settings = _settings()
    if settings is None or not api.content.get_uuid(obj):
        return
    txn = transaction.get()
    pending = getattr(txn, "_transparenca_pending", None)
    if pending is None:
        pending = txn._transparenca_pending = {}
        txn.addAfterCommitHook(
            _after_commit,
            args=(
                pending,
                settings.hub_url,
                settings.secret or "",
                settings.source_slug or "",
            ),
        )
    info = _describe(obj, event)
    previous = pending.get(info["uid"])
    # One notification per item and transaction: an edit right after publishing
    # is part of the publication; the last of the other events wins.
    if previous and previous["event"] == "publish" and event == "modify":
        info["event"] = "publish"
    pending[info["uid"]] = info


def _after_commit(succeeded, pending, url, secret, source):
    if not succeeded:
        return
    try:
        for info in pending.values():
            outbox.enqueue(url, secret, source, info)
    except Exception:  # never fail the (already committed) request
        logger.exception("could not queue hub notifications")


def _contents(folder):
    """The items inside `folder` (at any depth) that anonymous visitors may
    have seen through it: published ones, and those without a workflow of
    their own (files, images), which take their visibility from the folder.
    Unrestricted: the editor retracting a folder may not see all of it."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(folder.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path={"query": path}):
        if brain.getPath() == path or brain.review_state not in (PUBLISHED, None, ""):
            continue
        try:
            yield brain._unrestrictedGetObject()
        except (AttributeError, KeyError):  # a stale catalog entry
            continue


def workflow_changed(obj, event):
    old = event.old_state.getId() if event.old_state else None
    new = event.new_state.getId() if event.new_state else None
    if new == PUBLISHED and old != PUBLISHED:
        change = "publish"
    elif old == PUBLISHED and new != PUBLISHED:
        change = "retract"
    else:
        return
    _queue(obj, change)
    # A folder's state decides what anonymous visitors see of its contents,
    # whose own states do not change: without an event for each of them the
    # hub would learn only at its next reconcile. It re-pulls each item as an
    # anonymous visitor, so it drops what can no longer be seen (and finds
    # again what a re-published folder shows).
    if IDexterityContainer.providedBy(obj):
        for item in _contents(obj):
            _queue(item, change)


def modified(obj, event):
    if _is_published(obj):
        _queue(obj, "modify")


def will_be_moved(obj, event):
    # Before removal the item still has its path and URL; afterwards it has none.
    removed = event.newParent is None and event.oldParent is not None
    if removed and _is_published(obj):
        _queue(obj, "delete")


def moved(obj, event):
    moved_or_renamed = event.oldParent is not None and event.newParent is not None
    if moved_or_renamed and _is_published(obj):
        _queue(obj, "move")
