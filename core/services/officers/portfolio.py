"""The council's portfolio at a glance: cases by debt type and stage, balances by age, the last nightly runs."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ...engine.plugins import PluginHost
from ...engine.registration import council_profile
from ...store.models import Run
from ...store.stage_counts import stage_counts
from .lines import ACCOUNT

__all__ = ["portfolio", "AGE_BANDS"]

RUN = Run.__table__
AGE_BANDS = (("under 3 months", relativedelta(months=3)), ("3 to 12 months", relativedelta(years=1)),
             ("1 to 2 years", relativedelta(years=2)), ("2 to 6 years", relativedelta(years=6)), ("over 6 years", None))
"""Open balances are banded by how long ago the debt was raised; six years is the usual limitation period."""


def portfolio(engine: Engine, host: PluginHost, council_id: str, on: date, runs: int = 14) -> dict[str, Any]:
    """Counts by debt type and stage (kept as cases move), open balance by age band (one pass over the open cases),
    and the last ``runs`` nightly runs, newest first."""
    a = ACCOUNT.c
    band = sa.case(*[(a.opened_on > on - span, i) for i, (_, span) in enumerate(AGE_BANDS) if span is not None],
                   else_=len(AGE_BANDS) - 1)
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        kept = stage_counts(conn, council_id)
        banded = {i: (n, total) for i, n, total in conn.execute(
            sa.select(band, sa.func.count(), sa.func.coalesce(sa.func.sum(a.balance_pence), 0))
            .where(a.council_id == council_id, a.closed_on.is_(None)).group_by(band))}
        last = conn.execute(sa.select(RUN).where(RUN.c.council_id == council_id, RUN.c.dry_run.is_(False))
                            .order_by(RUN.c.id.desc()).limit(runs)).all()
    types = []
    for dt in profile.debt_types:
        debt_type = host.debt_types.get(dt)
        if debt_type is None:
            continue
        stages = [{"stage": s.id, "label": s.label, "terminal": s.terminal, "count": kept.get((dt, s.id), 0)}
                  for s in debt_type.ladder.stages]
        types.append({"debt_type": dt, "label": debt_type.label, "stages": stages,
                      "open": sum(s["count"] for s in stages if not s["terminal"])})
    return {
        "council": council_id, "council_name": profile.name, "on": on.isoformat(), "debt_types": types,
        "age_bands": [{"band": label, "cases": banded.get(i, (0, 0))[0], "balance_pence": int(banded.get(i, (0, 0))[1])}
                      for i, (label, _) in enumerate(AGE_BANDS)],
        "runs": [{"id": r.id, "from": r.from_date.isoformat(), "to": r.to_date.isoformat(), "status": r.status,
                  "cases_evaluated": (r.stats or {}).get("cases_evaluated", 0), "moves": (r.stats or {}).get("moves_total", 0),
                  "fees_pence": (r.stats or {}).get("fees_pence", 0), "seconds": (r.stats or {}).get("seconds"),
                  "started_at": r.started_at.isoformat() if r.started_at else None} for r in last],
    }
