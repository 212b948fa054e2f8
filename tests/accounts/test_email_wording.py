from django.core import mail
from django.urls import reverse


def test_confirmation_email_names_product(client, db):
    client.post(
        reverse("account_signup"),
        {"email": "new.dpo@example.test", "password1": "a-long-passphrase-42", "password2": "a-long-passphrase-42"},
    )

    body = mail.outbox[-1].body
    assert body.startswith("Hello from DPO Desk,")
    assert "DPO Desk at testserver" in body
    assert "Hello from testserver" not in body
