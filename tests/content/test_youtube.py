import pytest

from sessions.youtube import privacy_embed_url, timestamp_seconds, youtube_video_id

ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://www.youtube.com/watch?v={ID}", ID),
        (f"https://youtube.com/watch?v={ID}&t=42s", ID),
        (f"https://m.youtube.com/watch?feature=share&v={ID}", ID),
        (f"https://music.youtube.com/watch?v={ID}", ID),
        (f"http://www.youtube.com/watch?v={ID}", ID),
        (f"  https://www.youtube.com/watch?v={ID}  ", ID),
        (f"https://WWW.YOUTUBE.COM/watch?v={ID}", ID),
        (f"https://youtu.be/{ID}", ID),
        (f"https://youtu.be/{ID}?t=90", ID),
        (f"https://www.youtu.be/{ID}", ID),
        (f"https://www.youtube.com/live/{ID}", ID),
        (f"https://www.youtube.com/live/{ID}?si=abc", ID),
        (f"https://www.youtube.com/embed/{ID}", ID),
        (f"https://www.youtube.com/embed/{ID}?start=10", ID),
        (f"https://www.youtube.com/shorts/{ID}", ID),
        (f"https://www.youtube.com/v/{ID}", ID),
        (f"https://www.youtube-nocookie.com/embed/{ID}", ID),
        (f"https://youtube-nocookie.com/embed/{ID}", ID),
        (f"//www.youtube.com/watch?v={ID}", ID),
        # Not YouTube, or not a video.
        (f"https://vimeo.com/{ID}", None),
        (f"https://youtube.com.evil.example/watch?v={ID}", None),
        (f"https://evil.example/?next=https://youtu.be/{ID}", None),
        (f"https://notyoutube.com/watch?v={ID}", None),
        (f"https://www.youtube.com.attacker.net/embed/{ID}", None),
        (f"ftp://www.youtube.com/watch?v={ID}", None),
        (f"javascript:alert(1)//youtu.be/{ID}", None),
        ("https://www.youtube.com/", None),
        ("https://www.youtube.com/@KomunaGjilan", None),
        ("https://www.youtube.com/channel/UC1234567890", None),
        ("https://www.youtube.com/playlist?list=PL123", None),
        ("https://www.youtube.com/watch", None),
        # Malformed ids.
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQQ", None),
        ("https://youtu.be/dQw4w9WgXc!", None),
        ("https://youtu.be/", None),
        ("https://www.youtube.com/embed/", None),
        ("https://www.youtube.com/watch?v=<script>xx", None),
        ("", None),
        (None, None),
    ],
)
def test_youtube_video_id(url, expected):
    assert youtube_video_id(url) == expected


def test_privacy_embed_url_uses_nocookie_domain():
    assert (
        privacy_embed_url(f"https://youtu.be/{ID}")
        == f"https://www.youtube-nocookie.com/embed/{ID}"
    )
    assert privacy_embed_url(
        f"https://www.youtube.com/watch?v={ID}", start_seconds=75
    ).endswith(f"/embed/{ID}?start=75")
    assert privacy_embed_url("https://vimeo.com/1") is None


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("1:02:03", 3723),
        ("62:03", 3723),
        ("3723", 3723),
        ("0:05:00", 300),
        ("", None),
        (None, None),
        ("1:2:3:4", None),
        ("ten", None),
        ("1:-2", None),
    ],
)
def test_timestamp_seconds(value, seconds):
    assert timestamp_seconds(value) == seconds


def test_session_validates_youtube_links():
    from django.core.exceptions import ValidationError

    from sessions.models import validate_youtube_url

    validate_youtube_url(f"https://youtu.be/{ID}")
    validate_youtube_url("")
    with pytest.raises(ValidationError):
        validate_youtube_url("https://vimeo.com/12345")
