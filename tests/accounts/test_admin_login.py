from http import HTTPStatus

from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory


def test_admin_login_goes_through_allauth(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        reverse("admin:login"), {"username": staff.email, "password": TEST_PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_admin_open_after_allauth_sign_in(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.get(reverse("admin:index"))

    assert response.status_code == HTTPStatus.OK


def test_admin_forbidden_for_non_staff(client, db):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:login"))

    assert response.status_code == HTTPStatus.FORBIDDEN
