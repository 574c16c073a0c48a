from django.urls import path

from ostan.participation.views import circulars, home, meetings, stakeholders

app_name = "participation"
urlpatterns = [
    path("", home.home, name="home"),
    path("stakeholders/", stakeholders.stakeholders, name="stakeholders"),
    path("stakeholders/new/", stakeholders.new_stakeholder, name="new_stakeholder"),
    path("stakeholders/<int:pk>/", stakeholders.stakeholder, name="stakeholder"),
    path("stakeholders/<int:pk>/contacts/", stakeholders.contacts, name="contacts"),
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/new/", meetings.new_meeting, name="new_meeting"),
    path("meetings/<int:pk>/", meetings.meeting, name="meeting"),
    path("meetings/<int:pk>/minutes/", meetings.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes.pdf", meetings.minutes_file, name="minutes_pdf"),
    path("decisions/", meetings.decisions, name="decisions"),
    path("decisions/<int:pk>/done/", meetings.decision_done, name="decision_done"),
    path("circulars/", circulars.outbox, name="outbox"),
    path("circulars/new/", circulars.new_circular, name="new_circular"),
    path("circulars/pending/", circulars.pending, name="pending"),
    path("circulars/<int:pk>/", circulars.circular, name="circular"),
    path("circulars/<int:pk>/attachments/<int:attachment_pk>/", circulars.circular_attachment, name="attachment"),
    path("inbox/", circulars.inbox, name="inbox"),
    path("copies/<int:pk>/", circulars.copy, name="copy"),
    path("copies/<int:pk>/acknowledge/", circulars.acknowledge, name="acknowledge"),
    path("copies/<int:pk>/attachments/<int:attachment_pk>/", circulars.copy_attachment, name="copy_attachment"),
]
