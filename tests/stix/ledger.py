"""A realistic export: a report on North Korean troops in Russia, claims from several
sources, one AMBER claim releasable to Korea, one RED claim in a GREEN report, and a
claim an analyst corrected."""

from __future__ import annotations

from datetime import UTC, date, datetime

from intex.model import TLP, Claim, Document, Entity, Marking, Review, ReviewState, SourceRef, Span
from intex.model import ids as model_ids
from intex.stix import ExportClaim, ExportSet

TEXT = (
    "Kyiv, 29 October 2024. North Korea has sent about 11,000 soldiers to Russia, the head "
    "of Ukraine's military intelligence Kyrylo Budanov said. On October 18 he said some "
    "11,000 North Korean infantrymen were training in eastern Russia. South Korea's National "
    "Intelligence Service told lawmakers that 3,000 more troops had been sent to Russia this "
    "month. A Ukrainian officer, speaking on condition of anonymity, said 200 North Korean "
    "soldiers had been killed in Kursk. The Kremlin denied that 10,000 troops were present."
)
URL = "https://www.example-news.org/2024/10/29/north-korean-troops-russia"
NOW = datetime(2024, 11, 2, 9, 30, tzinfo=UTC)
RECORDED = datetime(2024, 10, 29, 18, 0, tzinfo=UTC)
REVIEWED = datetime(2024, 10, 30, 8, 15, tzinfo=UTC)


def span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment), fragment)


def claim(value: float, fragment: str, *, subject: str, status: str, sources: tuple[SourceRef, ...],
          location: str | None = None, date_: str | None = "2024-10-29",
          modality: str = "asserted", unit: str = "troops", approx: bool = False) -> Claim:
    ev = span(fragment)
    report = model_ids.report_id(URL)
    return Claim(value=value, value_max=None, approx=approx, unit=unit, subject=subject,
                 status=status, location=location, sources=sources, date=date_,
                 modality=modality, evidence=ev,
                 id=model_ids.claim_id(report, ev.start, ev.end, value, None))


BUDANOV = SourceRef("Kyrylo Budanov", "person:kyrylo-budanov", "person")
HUR = SourceRef("Main Directorate of Intelligence (Ukraine)", "org:hur", "government")
NIS = SourceRef("National Intelligence Service (South Korea)", "org:nis", "government")
OUTLET = SourceRef("example-news.org", None, "outlet")
OFFICER = SourceRef("a Ukrainian officer", None, "anonymous")
KREMLIN = SourceRef("Kremlin", "org:kremlin", "government")


def entities() -> tuple[Entity, ...]:
    return (
        Entity("person:kyrylo-budanov", "Kyrylo Budanov", "PERSON", ("Budanov",), "UA"),
        Entity("org:hur", "Main Directorate of Intelligence (Ukraine)", "ORG", ("HUR",), "UA",
               kind="agency"),
        Entity("org:nis", "National Intelligence Service (South Korea)", "ORG", ("NIS",), "KR",
               kind="agency"),
        Entity("org:kremlin", "Kremlin", "ORG", (), "RU", kind="government"),
        Entity("gpe:north-korea", "North Korea", "GPE", ("DPRK",), "KP", kind="country",
               lat=40.0, lon=127.0),
        Entity("gpe:russia", "Russia", "GPE", (), "RU", kind="country"),
        Entity("loc:eastern-russia", "eastern Russia", "LOC", (), "RU", kind="region"),
        Entity("gpe:kursk", "Kursk", "GPE", (), "RU", kind="city", lat=51.7304, lon=36.1926),
        Entity("force:kpa", "Korean People's Army", "FORCE", ("North Korean troops",), "KP"),
        Entity("loc:nowhere-known", "the front", "LOC"),  # no country, no coordinates
    )


def document() -> Document:
    return Document(id=model_ids.report_id(URL), text=TEXT,
                    content_hash=model_ids.content_hash(TEXT),
                    title="North Korea has sent 11,000 troops to Russia, Budanov says",
                    published=date(2024, 10, 29), language="en", url=URL,
                    site="example-news.org", marking=Marking(TLP.GREEN))


def export_set(*, review: Review | None = None, red_marking: Marking | None = None) -> ExportSet:
    doc = document()
    sent = claim(11000, "North Korea has sent about 11,000 soldiers to Russia",
                 subject="North Korean soldiers", status="sent", approx=True,
                 sources=(BUDANOV, HUR, OUTLET), location="Russia")
    training = claim(11000, "some 11,000 North Korean infantrymen were training in eastern Russia",
                     subject="North Korean infantrymen", status="training", approx=True,
                     unit="infantrymen", sources=(BUDANOV, OUTLET), location="eastern Russia",
                     date_="2024-10-18")
    nis = claim(3000, "3,000 more troops had been sent to Russia",
                subject="North Korean troops", status="sent", sources=(NIS, OUTLET),
                location="Russia", date_="2024-10")
    killed = claim(200, "200 North Korean soldiers had been killed in Kursk",
                   subject="North Korean soldiers", status="killed", sources=(OFFICER, OUTLET),
                   location="Kursk", modality="reported")
    denied = claim(10000, "10,000 troops were present", subject="North Korean troops",
                   status="present", sources=(KREMLIN, OUTLET), modality="denied")
    grades = {"Kyrylo Budanov": "B", "Main Directorate of Intelligence (Ukraine)": "B",
              "National Intelligence Service (South Korea)": "A", "example-news.org": "C",
              "a Ukrainian officer": "F", "Kremlin": "E"}
    rid = doc.id
    return ExportSet(
        documents=(doc,),
        entities=entities(),
        claims=(
            ExportClaim(sent, rid, None, grades, review, actor_id="gpe:north-korea"),
            ExportClaim(training, rid, None, grades, None, actor_id="force:kpa"),
            ExportClaim(nis, rid, Marking(TLP.AMBER, ("KOR",)), grades, None,
                        actor_id="gpe:north-korea"),
            ExportClaim(killed, rid, red_marking or Marking(TLP.RED), grades, None,
                        location_id="gpe:kursk"),
            ExportClaim(denied, rid, None, grades,
                        Review(denied.id or "", ReviewState.REJECTED, "analyst1", REVIEWED,
                               "The Kremlin's denial adds nothing.")),
        ),
        mentions=tuple((rid, e.id) for e in entities()),
        recorded={rid: RECORDED, sent.id or "": RECORDED, training.id or "": RECORDED},
    )


def correction(claim_id: str) -> Review:
    return Review(claim_id, ReviewState.CORRECTED, "analyst1", REVIEWED,
                  "Budanov gave 12,000 in a later interview.",
                  (("value", "12000"), ("status", '"deployed"')))


def clock(at: datetime = NOW):
    return lambda: at
