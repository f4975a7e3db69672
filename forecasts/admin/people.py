from django.contrib import admin
from django.db.models import Count

from forecasts.admin.track_records import TrackRecordMixin
from forecasts.models import Claim, Expert, Organization


class ExpertInline(admin.TabularInline):
    model = Expert
    fields = ("name", "role", "needs_review")
    extra = 0
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "expert_count")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")
    inlines = [ExpertInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(expert_count=Count("experts"))

    @admin.display(ordering="expert_count", description="experts")
    def expert_count(self, obj: Organization) -> int:
        return obj.expert_count


class ClaimUnderExpertInline(admin.TabularInline):
    model = Claim
    fields = ("made_at", "quote", "kind", "source", "scoring_status")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ("-made_at",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Expert)
class ExpertAdmin(TrackRecordMixin, admin.ModelAdmin):
    list_display = ("name", "organization", "role", "claim_count", "needs_review")
    list_filter = ("needs_review", "organization__kind", "organization")
    list_select_related = ("organization",)
    search_fields = ("name", "aliases", "role", "organization__name", "organization__short_name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organization",)
    inlines = [ClaimUnderExpertInline]
    actions = ["mark_reviewed"]
    readonly_fields = ("track_record",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(ordering="claim_count", description="claims")
    def claim_count(self, obj: Expert) -> int:
        return obj.claim_count

    @admin.action(description="Mark as reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset) -> None:
        updated = queryset.update(needs_review=False)
        self.message_user(request, f"{updated} expert(s) marked as reviewed.")
