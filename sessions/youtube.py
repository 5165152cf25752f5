"""Normalise the many shapes of a YouTube link to one video id."""

import re
from urllib.parse import parse_qs, urlparse

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}


def youtube_video_id(url):
    """Return the 11-character video id of a YouTube URL, or None.

    Args:
        url: watch, youtu.be, live, embed, shorts or v/ URL.
    Returns:
        The video id, or None when the URL is not a YouTube video link.
    """
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in {"http", "https", ""}:
        return None
    host = (parsed.hostname or "").lower()
    candidate = None
    if host in {"youtu.be", "www.youtu.be"}:
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif host in YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        else:
            parts = [part for part in parsed.path.split("/") if part]
            if len(parts) >= 2 and parts[0] in {"embed", "live", "shorts", "v", "e"}:
                candidate = parts[1]
    if candidate and VIDEO_ID.match(candidate):
        return candidate
    return None


def privacy_embed_url(url, start_seconds=None):
    """The youtube-nocookie.com embed URL for a YouTube link, or None."""
    video_id = youtube_video_id(url)
    if not video_id:
        return None
    embed = f"https://www.youtube-nocookie.com/embed/{video_id}"
    if start_seconds:
        embed += f"?start={int(start_seconds)}"
    return embed


def timestamp_seconds(value):
    """'1:02:03', '62:03' or '3723' → seconds; None when unparseable."""
    if not value:
        return None
    parts = str(value).strip().split(":")
    if not all(part.isdigit() for part in parts) or len(parts) > 3:
        return None
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds
