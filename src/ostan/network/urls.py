from django.urls import path

from ostan.network.views import actions, coordination, crises, structure

app_name = "network"
urlpatterns = [
    path("", structure.home, name="home"),
    path("u/<str:code>/", structure.unit, name="unit"),
    path("u/<str:code>/council/", structure.form_council, name="form_council"),
    path("u/<str:code>/boundary/", structure.import_boundary, name="import_boundary"),
    path("u/<str:code>/3w/", coordination.matrix, name="matrix"),
    path("u/<str:code>/dashboard/", coordination.dashboard, name="dashboard"),
    path("u/<str:code>/overlaps/", coordination.overlaps, name="overlaps"),
    path("u/<str:code>/overlaps/detect/", coordination.detect, name="detect"),
    path("u/<str:code>/gaps/", coordination.gaps, name="gaps"),
    path("u/<str:code>/crises/", crises.unit_crises, name="unit_crises"),
    path("u/<str:code>/crises/declare/", crises.declare, name="declare"),
    path("u/<str:code>/crises/need/", crises.record_need, name="record_need"),
    path("u/<str:code>/crises/resource/", crises.record_resource, name="record_resource"),
    path("councils/<int:pk>/", structure.council, name="council"),
    path("councils/<int:pk>/members/", structure.add_member, name="add_member"),
    path("councils/<int:pk>/plans/", structure.create_plan, name="create_plan"),
    path("councils/<int:pk>/actions/new/", structure.add_action, name="add_action"),
    path("actions/<int:pk>/", actions.detail, name="action"),
    path("actions/<int:pk>/progress/", actions.report, name="report"),
    path("evidence/<int:pk>/", actions.evidence_file, name="evidence"),
    path("overlaps/<int:pk>/", coordination.resolve, name="resolve"),
    path("crises/<int:pk>/", crises.crisis, name="crisis"),
    path("crises/<int:pk>/tasks/", crises.assign, name="assign"),
    path("crises/<int:pk>/close/", crises.close, name="close"),
    path("crises/<int:pk>/report.pdf", crises.report, name="report_pdf"),
    path("tasks/<int:task_pk>/done/", crises.task_done, name="task_done"),
]
