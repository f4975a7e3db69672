"""The stance step of ``manage.py demo``: a seed-trained model, activated, scoring the seed claims.

The seed forecasts are analysts' labels and frozen; the model only adds forecasts where none
exists. The printout sets the model's reading of each seed claim beside the analyst's, for the
pairs automatic linking would consider if the question were open: a claim with a stored forecast
on it, or one that shares an anchor with the question (``forecasts.stance.relation``).
"""
from forecasts.models import Claim, Question
from forecasts.selectors.stance import ModelView, model_views
from forecasts.services import stance as stance_services
from forecasts.services.stance.positions import claim_text
from forecasts.stance.relation import anchored


def _line(view: ModelView) -> str:
    position, recorded = view.position, view.recorded
    p_yes = "  -  " if position.p_yes is None else f"{position.p_yes:.2f}"
    phrase = f' "{position.phrase}"' if position.phrase else ""
    line = (f"    {view.claim.expert.name:<18} {position.stance:<9} P(yes)={p_yes} "
            f"conf={position.confidence:.2f}{phrase}")
    if recorded is not None and recorded.label_source == "analyst":
        analyst_p = "-" if recorded.probability is None else f"{recorded.probability:.2f}"
        line += f"   [analyst: {recorded.stance} {analyst_p}]"
    return line


def _candidate(view: ModelView, question: Question) -> bool:
    text = claim_text(view.claim.quote, view.claim.paraphrase)
    return view.recorded is not None or anchored(question.title, text)


def _shown(view: ModelView) -> bool:
    return view.recorded is not None or view.position.stance != "unrelated"


def run(write, style) -> None:
    model, trained = stance_services.ensure_seed_model()
    verb = "Trained" if trained else "Reusing"
    write(f"\n{verb} stance model {model.version} on {model.training_size} seed pairs "
          f"(cross-validated macro-F1 {model.metrics.get('macro_f1', float('nan')):.2f}).")
    stance_services.activate(model, rescore=False)
    claims = list(Claim.objects.select_related("expert").order_by("made_at", "pk"))
    summary = stance_services.score_claims([claim.pk for claim in claims])
    write(f"Scored {summary.claims} claims: {summary.created} new model forecasts, "
          f"{summary.protected} analyst/frozen forecasts left as they are.")
    write("\nWhat the model reads in the seed claims (analysts' labels in brackets):")
    for question in Question.objects.order_by("closes_at"):
        candidates = [v for v in model_views(claims, [question]) if _candidate(v, question)]
        write(style.MIGRATE_HEADING(f"  {question.title}"))
        for view in filter(_shown, candidates):
            write(_line(view))
        if skipped := len(claims) - len(candidates):
            write(f"    ({skipped} other claim(s) share no anchor with it, or are about another "
                  "topic: not candidates)")
