"""Adding and editing one candidate or list by form: one audited change, or a Persian error by the field."""

from __future__ import annotations

from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.national_code import from_serial
from ostan.elections import actions
from ostan.elections.models import Candidate, Constituency, ConstituencyKind, ElectionRound, PartyList, RoundStatus
from tests.actors import as_actor
from tests.elections.world import World

VALID = {"code": "۲۰۱", "first_name": "فاطمه", "last_name": "كريمي", "national_code": "", "gender": "female",
         "education": "4", "vetting_status": "approved"}  # fmt: skip


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_candidate_form_renders(city: Constituency, official_a: User) -> None:
    response = _client(official_a).get(f"/elections/c/{city.pk}/candidates/new/")
    assert response.status_code == 200
    assert "ثبت نامزد تازه" in response.content.decode()


def test_add_candidate_normalises_and_writes_one_audit_entry(city: Constituency, official_a: User) -> None:
    before = Entry.objects.count()
    code = from_serial(12345)
    persian_code = code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    response = _client(official_a).post(f"/elections/c/{city.pk}/candidates/new/",
                                        VALID | {"national_code": persian_code, "is_veteran": "on"})  # fmt: skip
    assert response.status_code == 302
    added = Candidate.objects.get()
    assert (added.code, added.last_name, added.national_code, added.is_veteran) == ("201", "کریمی", code, True)
    assert Entry.objects.count() == before + 1
    page = _client(official_a).get(f"/elections/c/{city.pk}/").content.decode()
    assert '<td class="num">۲۰۱</td>' in page


def test_bad_national_code_is_shown_by_its_field_and_nothing_is_written(city: Constituency, official_a: User) -> None:
    before = Entry.objects.count()
    response = _client(official_a).post(f"/elections/c/{city.pk}/candidates/new/",
                                        VALID | {"national_code": "0012345678", "code": "۱۲x"})  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_national_code-error">رقم کنترل کد ملی درست نیست' in page
    assert 'id="id_code-error">کد نامزد لازم است و فقط رقم است (حداکثر ۸ رقم).' in page
    assert not Candidate.objects.exists()
    assert Entry.objects.count() == before


def test_duplicate_code_refused(city_with_candidates: Constituency, official_a: User) -> None:
    count = Candidate.objects.count()
    response = _client(official_a).post(f"/elections/c/{city_with_candidates.pk}/candidates/new/",
                                        VALID | {"code": "101"})  # fmt: skip
    assert response.status_code == 400
    assert "کد نامزد «۱۰۱» پیش‌تر در این حوزه ثبت شده است" in response.content.decode()
    assert Candidate.objects.count() == count


def test_edit_candidate_is_audited_with_before_and_after(city_with_candidates: Constituency, official_a: User) -> None:
    candidate = Candidate.objects.get(code="103")
    url = f"/elections/c/{city_with_candidates.pk}/candidates/{candidate.pk}/"
    assert "رضا" in _client(official_a).get(url).content.decode()
    before = Entry.objects.count()
    response = _client(official_a).post(url, VALID | {"code": "103", "first_name": "رضا", "last_name": "احمدی",
                                                      "education": "6", "vetting_status": "rejected"})  # fmt: skip
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.education, candidate.vetting_status) == (6, "rejected")
    entry = Entry.objects.latest("id")
    assert Entry.objects.count() == before + 1
    assert entry.event == "elections.candidate_edited"
    assert entry.before is not None
    assert entry.before["vetting_status"] == "approved"


def test_roster_is_frozen_once_voting_starts(
    city_with_candidates: Constituency, official_a: User, national: User, election_round: ElectionRound
) -> None:
    actions.set_round_status(actor=as_actor(national), election_round=election_round, status=RoundStatus.VOTING)
    before = (Entry.objects.count(), Candidate.objects.count())
    response = _client(official_a).post(f"/elections/c/{city_with_candidates.pk}/candidates/new/", VALID)
    assert response.status_code == 400
    assert "رأی‌گیری این دوره آغاز شده است" in response.content.decode()
    assert (Entry.objects.count(), Candidate.objects.count()) == before


def test_party_list_then_candidate_on_it(election_round: ElectionRound, national: User, world: World) -> None:
    tehran = actions.create_constituency(actor=as_actor(national), election_round=election_round, unit=world.tehran,
                                         kind=ConstituencyKind.PROPORTIONAL)  # fmt: skip
    client = _client(national)
    assert "ثبت فهرست انتخاباتی" in client.get(f"/elections/c/{tehran.pk}/lists/new/").content.decode()
    refused = client.post(f"/elections/c/{tehran.pk}/lists/new/", {"code": "۱۰", "name": ""})
    assert refused.status_code == 400
    assert 'id="id_name-error">این بخش را پر کنید.' in refused.content.decode()
    before = Entry.objects.count()
    assert client.post(f"/elections/c/{tehran.pk}/lists/new/", {"code": "۱۰", "name": "امید"}).status_code == 302
    assert Entry.objects.count() == before + 1
    response = client.post(f"/elections/c/{tehran.pk}/candidates/new/", VALID | {"list_code": "10"})
    assert response.status_code == 302
    assert Candidate.objects.get().party_list == PartyList.objects.get(code="10")
    clash = client.post(f"/elections/c/{tehran.pk}/candidates/new/", VALID | {"code": "10"})
    assert "با کد یک فهرست یکی است" in clash.content.decode()


def test_plurality_constituency_has_no_list_page_entry(city: Constituency, official_a: User) -> None:
    response = _client(official_a).post(f"/elections/c/{city.pk}/lists/new/", {"code": "1", "name": "x"})
    assert response.status_code == 400
    assert "در حوزه‌های اکثریتی فهرست انتخاباتی تعریف نمی‌شود" in response.content.decode()
    assert not PartyList.objects.exists()
