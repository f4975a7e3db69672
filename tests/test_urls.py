"""Report files are served in production too (DEBUG off), not only by the development server."""
import pytest


@pytest.mark.django_db
def test_a_report_file_is_served_with_debug_off(client, settings):
    settings.DEBUG = False
    (settings.MEDIA_ROOT / "reports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "reports" / "bins.csv").write_text("lower,upper,count\n")
    response = client.get("/media/reports/bins.csv")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"lower,upper,count\n"


@pytest.mark.django_db
def test_a_path_outside_the_media_folder_is_refused(client, settings):
    settings.DEBUG = False
    assert client.get("/media/../tracker/settings.py").status_code in (400, 404)
