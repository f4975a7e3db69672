from django.dispatch import Signal

# Sent (after commit) whenever a question is resolved, annulled or reopened: reports that used it go stale.
question_resolution_changed = Signal()  # kwargs: question_id
