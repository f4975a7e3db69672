"""Questions past their scheduled resolution date: flag them once and tell the resolvers by email."""
from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from forecasts.models import Question

logger = logging.getLogger(__name__)
RESOLVER_GROUP = "resolver"


def resolver_emails() -> list[str]:
    users = get_user_model().objects.filter(groups__name=RESOLVER_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def overdue_message(questions: list[Question]) -> tuple[str, str]:
    lines = [f"- {q.title} (due {q.resolve_by:%Y-%m-%d}, status {q.status}): /admin/forecasts/question/{q.pk}/change/"
             for q in questions]
    subject = f"[forecast tracker] {len(questions)} question(s) past their resolution date"
    body = "These questions are past their scheduled resolution date and still unresolved:\n\n"
    return subject, body + "\n".join(lines) + "\n\nResolve or annul them in the admin.\n"


def notify_resolvers(question_ids: list[int]) -> int:
    """Send one email to the resolver group; returns how many messages went out (0 or 1)."""
    recipients = resolver_emails()
    if not question_ids or not recipients:
        if question_ids:
            logger.warning("Overdue questions %s but no resolver has an email address", question_ids)
        return 0
    subject, body = overdue_message(list(Question.objects.filter(pk__in=question_ids).order_by("resolve_by")))
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@transaction.atomic
def flag_overdue(now: datetime | None = None) -> list[int]:
    """Mark newly overdue questions (overdue_notified_at) and email after the commit; ids flagged."""
    now = now or timezone.now()
    fresh = Question.objects.overdue(now).filter(overdue_notified_at__isnull=True)
    ids = list(fresh.select_for_update().values_list("pk", flat=True))
    Question.objects.filter(pk__in=ids).update(overdue_notified_at=now)
    if ids:
        transaction.on_commit(lambda: notify_resolvers(ids))
    return ids
