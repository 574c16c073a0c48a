"""Demo data on top of the loaded territory tree: one account per role, counted council elections, an
election day ready to try at the check-in and kiosk pages, and a small finished election on the board.

Idempotent: running it again changes nothing and prints the same accounts.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ostan.access.demo import create_demo_organisations
from ostan.accounts.demo import DEMO_CITIZEN_NATIONAL_CODE, create_demo_accounts
from ostan.elections.demo import create_demo_elections
from ostan.polling.demo import create_demo_polling
from ostan.programs.demo import create_demo_programs
from ostan.publication import board
from ostan.publication.demo import create_demo_publication
from ostan.publication.errors import BulletinKeyMissing
from ostan.servicedesk.demo import create_demo_servicedesk
from ostan.territory.models import Unit

DEMO_PROVINCE = "23"  # استان تهران
DEMO_COUNTY = "2301"  # شهرستان تهران
OTHER_COUNTY = "2302"  # شهرستان دماوند: an official of Tehran county must not see it


class Command(BaseCommand):
    help = "Create demo accounts and demo elections (run load_territory first)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not Unit.objects.filter(code=DEMO_PROVINCE).exists():
            raise CommandError("ابتدا تقسیمات کشوری را بارگذاری کنید: manage.py load_territory")
        # Everything the demo needs is checked before anything is written, so it never stops halfway.
        try:
            board.private_key()
        except BulletinKeyMissing as exc:
            raise CommandError(
                f"{exc.message} دادهٔ نمایشی نوشته نشد؛ OSTAN_BULLETIN_KEY را تنظیم کنید یا با OSTAN_DEBUG=1 اجرا کنید."
            ) from exc
        places = {"province_code": DEMO_PROVINCE, "county_code": DEMO_COUNTY, "other_county_code": OTHER_COUNTY}
        organisations = create_demo_organisations(**places)
        accounts = create_demo_accounts(**places, organisations=organisations)
        elections = create_demo_elections()
        polling = create_demo_polling()
        publication = create_demo_publication()
        desk = create_demo_servicedesk(
            governorate_code=organisations.governorate.code, citizen_username=DEMO_CITIZEN_NATIONAL_CODE
        )
        programmes = create_demo_programs(
            **places, county_office=organisations.county_office, citizen_username=DEMO_CITIZEN_NATIONAL_CODE
        )
        self.stdout.write(self.style.SUCCESS("\nDemo accounts (demo passwords; never use them in production):"))
        width = max(len(a.username) for a in accounts)
        for account in accounts:
            self.stdout.write(
                f"  {account.username:<{width}}  {account.password:<16}  {account.role_label}  —  {account.unit_name}"
            )
        self.stdout.write(f"\nOrganisations in the registry: {organisations.count} (/access/organisations/)")
        self.stdout.write(self.style.SUCCESS("\nDemo elections:"))
        for line in elections:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("\nElection day (check-in and kiosk pages ready to try):"))
        for line in polling:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("\nA small finished election on the bulletin board:"))
        for line in publication:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("\nThe service desk (میز خدمت):"))
        for line in desk:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS("\nKey projects, outcome figures, best practice and critiques (کارهای شاخص):")
        )
        for line in programmes:
            self.stdout.write(f"  {line}")
        self.stdout.write("\nOpen http://127.0.0.1:8000/ once the server below has started.\n")
