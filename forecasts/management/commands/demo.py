from django.core.management import call_command
from django.core.management.base import BaseCommand

from forecasts.management import stance_demo
from forecasts.selectors import summary
from forecasts.services.accounts import ensure_staff_user


class Command(BaseCommand):
    help = "Load the demo case, create the demo logins and print what was loaded."

    def handle(self, *args, **options) -> None:
        call_command("load_seeds", stdout=self.stdout)
        stance_demo.run(self.stdout.write, self.style)
        analyst = ensure_staff_user(username="analyst", password="analyst-demo",  # noqa: S106 - demo login
                                    groups=("analyst", "resolver"))
        self.print_summary()
        self.stdout.write(self.style.SUCCESS(
            f"\nAdmin: http://127.0.0.1:8000/admin/  login {analyst.username} / {analyst.password} "
            f"(groups: {', '.join(analyst.groups)})"
        ))
        from forecasts.services.report_digest import global_report_digest  # the seed case's report
        self.stdout.write("\n" + "\n".join(global_report_digest()))

    def print_summary(self) -> None:
        w = self.stdout.write
        w("\nExperts")
        for expert in summary.experts_with_claim_counts():
            org = expert.organization.short_name if expert.organization else "-"
            w(f"  {expert.name:<20} {org:<12} {expert.n_claims} claim(s)")
        w(f"\nClaims: {summary.claim_count()}")
        w("\nQuestions")
        for question in summary.questions_with_forecasts():
            outcome = (question.outcome or question.status).upper()
            w(f"  [{outcome:>3}] {question.title}")
            for forecast in question.forecasts.all():
                p = "  -  " if forecast.probability is None else f"{forecast.probability:.2f}"
                w(f"        {forecast.claim.expert.name:<20} {forecast.stance:<9} P(yes)={p}")
