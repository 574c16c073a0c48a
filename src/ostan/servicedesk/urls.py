from django.urls import path

from ostan.servicedesk.views import attachments, catalogue, holidays, open311_keys, public, replies, requests

app_name = "servicedesk"
urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("services/<slug:code>/", public.service_detail, name="service"),
    path("catalogue/import/", catalogue.catalogue_import, name="catalogue_import"),
    path("track/", public.track, name="track"),
    path("holidays/", holidays.holidays, name="holidays"),
    path("open311-keys/", open311_keys.keys, name="open311_keys"),
    path("open311-keys/<int:pk>/deactivate/", open311_keys.deactivate, name="open311_deactivate"),
    path("templates/", replies.templates, name="templates"),
    path("templates/<int:pk>/retire/", replies.retire, name="template_retire"),
    path("file/", requests.file_request, name="file"),
    path("mine/", requests.mine, name="mine"),
    path("inbox/", requests.inbox, name="inbox"),
    path("dashboard/", requests.dashboard, name="dashboard"),
    path("escalations/", requests.escalations, name="escalations"),
    path("requests/<int:pk>/", requests.detail, name="request"),
    path("requests/<int:pk>/filed/", requests.filed, name="filed"),
    path("requests/<int:pk>/files/<int:file_id>/", attachments.download, name="attachment"),
    path("requests/<int:pk>/accept/", requests.accept, name="accept"),
    path("requests/<int:pk>/ask/", requests.ask, name="ask"),
    path("requests/<int:pk>/answer/", requests.answer, name="answer"),
    path("requests/<int:pk>/note/", requests.note, name="note"),
    path("requests/<int:pk>/refer/", requests.refer, name="refer"),
    path("requests/<int:pk>/not-ours/", requests.not_ours, name="not_ours"),
    path("requests/<int:pk>/assign/", requests.assign, name="assign"),
    path("requests/<int:pk>/settle/", requests.settle, name="settle"),
    path("requests/<int:pk>/desk-close/", requests.desk_close, name="desk_close"),
    path("requests/<int:pk>/reply/", requests.reply, name="reply"),
    path("requests/<int:pk>/close/", requests.close, name="close"),
    path("requests/<int:pk>/reopen/", requests.reopen, name="reopen"),
    path("requests/<int:pk>/survey/", requests.survey, name="survey"),
    path("requests/<int:pk>/merge/", requests.merge, name="merge"),
]
