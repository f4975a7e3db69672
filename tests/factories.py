"""factory_boy factories for the domain; tests build their data with these."""
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from forecasts.models import (
    CalibrationReport,
    Claim,
    Expert,
    Forecast,
    Organization,
    Question,
    Source,
    StanceModel,
    Tag,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "password")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
        if create:
            self.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Institute for Strategic Studies {n}")
    short_name = factory.Sequence(lambda n: f"ISS{n}")
    kind = Organization.Kind.THINK_TANK


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    name = factory.Sequence(lambda n: f"Analyst Number{n}")
    slug = factory.Sequence(lambda n: f"analyst-number{n}")
    aliases = factory.LazyAttribute(lambda o: [o.name.split()[-1]])
    organization = factory.SubFactory(OrganizationFactory)
    role = "Senior fellow"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://news.example.org/articles/{n}")
    title = factory.Sequence(lambda n: f"Talks end in deadlock, part {n}")
    publisher = "The Example Times"
    author = "A. Reporter"
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    title = factory.Sequence(lambda n: f"Will event number {n} happen before the deadline?")
    resolution_criteria = "Resolves YES if the event is reported by two major outlets."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    resolve_by = factory.LazyFunction(lambda: timezone.now() + timedelta(days=60))

    class Params:
        past_deadline = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=90)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)),
            resolve_by=factory.LazyFunction(lambda: timezone.now() - timedelta(days=10)),
        )


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"topic-{n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    expert = factory.SubFactory(ExpertFactory)
    organization = factory.LazyAttribute(lambda claim: claim.expert.organization)
    source = factory.SubFactory(SourceFactory)
    quote = factory.Sequence(lambda n: f"These talks are far from over, and I expect round {n} soon.")
    made_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    kind = Claim.Kind.FORECAST


class ForecastFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forecast

    claim = factory.SubFactory(ClaimFactory)
    question = factory.SubFactory(QuestionFactory)
    stance = Forecast.Stance.AGREE
    probability = 0.7
    stance_confidence = 0.8
    label_source = Forecast.LabelSource.MODEL
    model_version = "test-1"


class StanceModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StanceModel

    version = factory.Sequence(lambda n: f"stance-test-{n}")
    status = StanceModel.Status.READY


class CalibrationReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalibrationReport

    scope = CalibrationReport.Scope.ALL
