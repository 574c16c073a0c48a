import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("territory", "0002_search_indexes"),
        ("accounts", "0003_staff_management"),
    ]

    operations = [
        migrations.CreateModel(
            name="Organisation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=40, unique=True, verbose_name="کد")),
                ("name", models.CharField(max_length=200, verbose_name="نام")),
                ("search_key", models.CharField(db_index=True, max_length=200, verbose_name="کلید جست‌وجو")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("governorate", "استانداری"),
                            ("county_office", "فرمانداری"),
                            ("district_office", "بخشداری"),
                            ("inspection_office", "دفتر بازرسی، مدیریت عملکرد و امور حقوقی"),
                            ("municipality", "شهرداری"),
                            ("rural_municipality", "دهیاری"),
                            ("water_wastewater", "شرکت آب و فاضلاب"),
                            ("electricity", "شرکت توزیع نیروی برق"),
                            ("gas", "شرکت گاز"),
                            ("education", "آموزش و پرورش"),
                            ("health", "دانشگاه علوم پزشکی و شبکه بهداشت"),
                            ("welfare", "بهزیستی"),
                            ("roads", "راه و شهرسازی"),
                            ("agriculture", "جهاد کشاورزی"),
                            ("telecommunications", "مخابرات"),
                            ("environment", "حفاظت محیط زیست"),
                            ("sports_youth", "ورزش و جوانان"),
                            ("labour_welfare", "تعاون، کار و رفاه اجتماعی"),
                            ("industry", "صنعت، معدن و تجارت"),
                            ("culture", "فرهنگ و ارشاد اسلامی"),
                            ("other_agency", "دستگاه اجرایی دیگر"),
                            ("mosque", "مسجد"),
                            ("basij_base", "پایگاه بسیج"),
                            ("red_crescent", "جمعیت هلال احمر"),
                            ("relief_committee", "کمیته امداد امام خمینی"),
                            ("school", "مدرسه"),
                            ("jihadi_group", "گروه جهادی"),
                            ("charity", "خیریه"),
                            ("other_institution", "نهاد دیگر"),
                        ],
                        max_length=30,
                        verbose_name="نوع",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("government_office", "دستگاه حاکمیتی"),
                            ("agency", "دستگاه اجرایی"),
                            ("institution", "نهاد"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="گروه",
                    ),
                ),
                ("path", models.CharField(editable=False, max_length=255, unique=True, verbose_name="مسیر")),
                ("depth", models.PositiveSmallIntegerField(default=0, editable=False, verbose_name="عمق")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="تلفن")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="رایانامه")),
                ("address", models.CharField(blank=True, max_length=300, verbose_name="نشانی")),
                ("contact_person", models.CharField(blank=True, max_length=150, verbose_name="مسئول ارتباط")),
                ("is_active", models.BooleanField(default=True, verbose_name="فعال")),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="branches",
                        to="access.organisation",
                        verbose_name="سازمان بالادست",
                    ),
                ),
                (
                    "seat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="seated_organisations",
                        to="territory.unit",
                        verbose_name="واحد محل استقرار",
                    ),
                ),
                (
                    "units",
                    models.ManyToManyField(
                        related_name="organisations", to="territory.unit", verbose_name="واحدهای تحت پوشش"
                    ),
                ),
            ],
            options={
                "verbose_name": "سازمان",
                "verbose_name_plural": "سازمان‌ها",
                "indexes": [
                    models.Index(fields=["path"], name="access_org_path_prefix", opclasses=["varchar_pattern_ops"]),
                    models.Index(fields=["kind"], name="access_org_kind"),
                ],
            },
        ),
        migrations.CreateModel(
            name="Post",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("citizen", "شهروند"),
                            ("service_desk_clerk", "کارشناس میز خدمت"),
                            ("agency_officer", "کارشناس دستگاه اجرایی"),
                            ("institution_representative", "نماینده نهاد"),
                            ("council_secretary", "دبیر شورای پیشرفت محله"),
                            ("inspection_officer", "کارشناس دفتر بازرسی"),
                            ("station_official", "عضو شعبه اخذ رأی"),
                            ("constituency_election_official", "مسئول انتخابات حوزه"),
                            ("county_election_official", "مسئول انتخابات شهرستان"),
                            ("province_election_official", "مسئول انتخابات استان"),
                            ("country_election_official", "مسئول ستاد انتخابات کشور"),
                            ("governor_office_staff", "کارشناس دفتر استاندار/فرماندار"),
                            ("governor", "استاندار / فرماندار / بخشدار"),
                            ("observer", "ناظر"),
                            ("system_administrator", "مدیر سامانه"),
                        ],
                        max_length=40,
                        verbose_name="نقش",
                    ),
                ),
                ("starts_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="از")),
                ("ends_at", models.DateTimeField(blank=True, null=True, verbose_name="تا")),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="posts",
                        to="access.organisation",
                        verbose_name="سازمان",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="posts",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="شخص",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="territory.unit",
                        verbose_name="واحد محل خدمت",
                    ),
                ),
            ],
            options={
                "verbose_name": "سمت",
                "verbose_name_plural": "سمت‌ها",
                "indexes": [models.Index(fields=["person", "starts_at"], name="access_post_person")],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ends_at__isnull", True), ("ends_at__gt", models.F("starts_at")), _connector="OR"
                        ),
                        name="access_post_ends_after_start",
                    )
                ],
            },
        ),
    ]
