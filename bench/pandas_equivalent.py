#!/usr/bin/python3
"""The work of `analyse run` the pandas way, to measure samenspel against.

Reads a study folder as `analyse run` does (study.yaml, its codebook, respondents table,
coded segments and survey, .xlsx through openpyxl and .csv), and computes:

  - code frequencies per role and per municipality: segments and respondents carrying a
    code (over the human coders), and the share of the group's interviewed respondents;
  - scale scores: the mean of a respondent's answered items after reversal, when at least
    half of the scale's items are answered;
  - scale means with 95% t-intervals, sd, median and share agreeing, overall and per
    municipality;
  - a Kruskal-Wallis test of each scale by municipality;
  - two figures (PNG, 300 dpi): code shares by role, and the mean of the first scale per
    municipality with its interval.

It writes the tables as CSV and the figures as PNG into OUT. Idiomatic pandas: vectorised
where pandas is, groupby for the groups; nothing deliberately slow.

    /usr/bin/python3 bench/pandas_equivalent.py STUDY OUT
"""
import glob
import os
import sys
import unicodedata

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import yaml  # noqa: E402
from scipy import stats  # noqa: E402

HEADERS = {
    "respondent": ["respondent", "respondent id", "deelnemer", "participant", "id"],
    "municipality": ["gemeente", "municipality", "plaats"],
    "role": ["rol", "role", "functie", "function"],
    "segment": ["segment", "fragment", "segment id"],
    "text": ["tekst", "text", "quote", "citaat"],
    "code": ["code", "codes"],
    "coder": ["codeur", "coder", "codeerder"],
}


def fold(s):
    """Lower case, accents removed, white space and underscores as one space."""
    s = unicodedata.normalize("NFD", str(s))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.lower().replace("_", " ").split())


def read_table(path):
    if path.lower().endswith((".xlsx", ".xlsm")):
        return pd.read_excel(path, engine="openpyxl", dtype=str)
    return pd.read_csv(path, sep=None, engine="python", encoding="utf-8-sig", dtype=str)


def find_columns(df):
    folded = {fold(c): c for c in df.columns}
    out = {}
    for field, names in HEADERS.items():
        for n in names:
            if n in folded:
                out[field] = folded[n]
                break
    return out


def inputs(study, key):
    entries = study.get(key) or []
    if isinstance(entries, (str, dict)):
        entries = [entries]
    paths = []
    for e in entries:
        p = e if isinstance(e, str) else e["path"]
        paths += sorted(glob.glob(os.path.join(study["dir"], p)))
    return paths


def load_codebook(path):
    with open(path, encoding="utf-8") as f:
        cb = yaml.safe_load(f)
    names, factor = {}, {}
    for fa in cb["factors"]:
        for c in fa["codes"]:
            factor[c["id"]] = fa["id"]
            for n in [c["id"], *c.get("aliases", []), *c["label"].values()]:
                names.setdefault(fold(n), c["id"])
            for lab in c["label"].values():
                for flab in fa["label"].values():
                    names.setdefault(fold(f"{flab} > {lab}"), c["id"])
    roles = {}
    for r in cb.get("roles", []):
        for n in [r["id"], *r["label"].values(), *r.get("synonyms", [])]:
            roles.setdefault(fold(n), r["id"])
    return cb, names, factor, roles


def map_role(series, roles):
    folded = series.fillna("").map(fold)
    return folded.map(roles).fillna(series)


def code_frequencies(segs, people, names, factor):
    """Segments and respondents per code and group; share of the group's respondents."""
    segs = segs.assign(code=segs["code"].fillna("").map(fold).map(names))
    segs = segs[segs["code"].notna() & (segs["coder"].fillna("") != "auto")]
    coded = segs.drop_duplicates(["segment", "code"])[["segment", "respondent", "code"]]
    coded = coded.merge(people, on="respondent", how="left")
    rows = []
    for group_by in ["all", "role", "municipality"]:
        key = coded[group_by] if group_by != "all" else pd.Series("all", index=coded.index)
        g = coded.assign(group=key).groupby(["code", "group"])
        counts = g.agg(segments=("segment", "nunique"), respondents=("respondent", "nunique")).reset_index()
        base = people.assign(group=people[group_by] if group_by != "all" else "all")
        sizes = base.groupby("group")["respondent"].nunique().rename("group_respondents")
        counts = counts.merge(sizes, on="group", how="left")
        counts["share"] = counts["respondents"] / counts["group_respondents"]
        counts.insert(0, "group_by", group_by)
        rows.append(counts)
    out = pd.concat(rows, ignore_index=True)
    out.insert(0, "factor", out["code"].map(factor))
    return out.sort_values(["factor", "code", "group_by", "group"])


def scale_scores(survey, cb):
    """A respondent's score per scale: mean of answered items after reversal, when at least
    half of the items are answered."""
    scores = pd.DataFrame({"respondent": survey["respondent"], "municipality": survey["municipality"]})
    folded = {}
    for sc in cb["scales"]:
        values = {}
        for v, labels in sc["answers"].items():
            for lab in labels if isinstance(labels, list) else [labels]:
                values[fold(lab)] = float(v)
            values[fold(str(v))] = float(v)
        for m in sc.get("missing", []):
            values[fold(m)] = np.nan
        lo, hi = min(sc["answers"]), max(sc["answers"])
        items = [it for it in sc["items"] if it["id"] in survey.columns]
        cols = []
        for it in items:
            col = survey[it["id"]]
            if id(col) not in folded:
                # Fold each distinct answer once, then map the column.
                uniq = col.dropna().unique()
                lookup = {u: values.get(fold(u), np.nan) for u in uniq}
                folded[id(col)] = col.map(lookup).astype(float)
            v = folded[id(col)]
            cols.append(lo + hi - v if it.get("reverse") else v)
        mat = pd.concat(cols, axis=1)
        answered = mat.notna().sum(axis=1)
        score = mat.mean(axis=1)
        scores[sc["id"]] = score.where(answered >= len(items) / 2)
        scores[sc["id"] + "_agree_from"] = sc.get("agree_from", hi)
    return scores


def describe(x, agree_from):
    x = x.dropna()
    n = len(x)
    if n < 2:
        return pd.Series({"n": n, "mean": np.nan, "sd": np.nan, "ci_low": np.nan, "ci_high": np.nan, "median": np.nan, "pct_agree": np.nan})
    m, sd = x.mean(), x.std(ddof=1)
    h = stats.t.ppf(0.975, n - 1) * sd / np.sqrt(n)
    return pd.Series({"n": n, "mean": m, "sd": sd, "ci_low": m - h, "ci_high": m + h, "median": x.median(),
                      "pct_agree": (x >= agree_from).mean() * 100})


def main(study_dir, out):
    t0 = pd.Timestamp.now()
    path = os.path.join(study_dir, "study.yaml") if os.path.isdir(study_dir) else study_dir
    with open(path, encoding="utf-8") as f:
        study = yaml.safe_load(f)
    study["dir"] = os.path.dirname(path)
    min_cell = (study.get("privacy") or {}).get("min_cell", 5)
    cb, names, factor, roles = load_codebook(os.path.join(study["dir"], study["codebook"]))
    os.makedirs(os.path.join(out, "figures"), exist_ok=True)

    # Respondents and coded segments.
    people = pd.DataFrame(columns=["respondent", "municipality", "role"])
    resp = study.get("respondents")
    if resp:
        t = read_table(os.path.join(study["dir"], resp if isinstance(resp, str) else resp["path"]))
        c = find_columns(t)
        people = pd.DataFrame({k: t[c[k]] for k in ["respondent", "municipality", "role"] if k in c})
    segs = []
    for p in inputs(study, "interviews"):
        t = read_table(p)
        c = find_columns(t)
        segs.append(pd.DataFrame({k: t[v] for k, v in c.items()}))
    if segs:
        segs = pd.concat(segs, ignore_index=True)
        if "segment" not in segs:
            segs["segment"] = segs["respondent"] + "\x00" + segs["text"]
        if people.empty:
            people = segs[["respondent", "municipality", "role"]].drop_duplicates("respondent")
        people = people[people["respondent"].isin(segs["respondent"])].copy()
        people["role"] = map_role(people["role"], roles)
        freq = code_frequencies(segs, people, names, factor)
        freq["suppressed"] = freq["group_respondents"] < min_cell
        freq.to_csv(os.path.join(out, "code_frequencies.csv"), index=False)
        # Figure 1: share of respondents per code, by role.
        by_role = freq[(freq["group_by"] == "role") & ~freq["suppressed"]].pivot(index="code", columns="group", values="share").fillna(0)
        ax = by_role.plot.barh(figsize=(8, 10), width=0.8)
        ax.set_xlabel("aandeel respondenten")
        plt.tight_layout()
        plt.savefig(os.path.join(out, "figures", "codes_by_role.png"), dpi=300)
        plt.close("all")

    # Survey: scale scores, descriptives per municipality, Kruskal-Wallis.
    surveys = []
    for p in inputs(study, "survey"):
        t = read_table(p)
        c = find_columns(t)
        t = t.rename(columns={c[k]: k for k in ["respondent", "municipality", "role"] if k in c})
        surveys.append(t)
    if surveys:
        survey = pd.concat(surveys, ignore_index=True)
        scores = scale_scores(survey, cb)
        desc, tests = [], []
        for sc in cb["scales"]:
            s, agree = sc["id"], sc.get("agree_from", 4)
            overall = describe(scores[s], agree).to_frame().T.assign(group_by="all", group="all")
            per = scores.groupby("municipality")[s].apply(lambda x: describe(x, agree)).unstack().reset_index()
            per = per.rename(columns={"municipality": "group"}).assign(group_by="municipality")
            d = pd.concat([overall, per], ignore_index=True)
            d["suppressed"] = d["n"] < min_cell
            d.insert(0, "scale", s)
            desc.append(d)
            groups = [g.dropna().to_numpy() for _, g in scores.groupby("municipality")[s] if g.notna().sum() >= min_cell]
            if len(groups) >= 2:
                h, p = stats.kruskal(*groups)
                tests.append({"measure": s, "group_by": "municipality", "test": "kruskal-wallis", "statistic": h,
                              "df": len(groups) - 1, "p": p, "n": sum(len(g) for g in groups)})
        desc = pd.concat(desc, ignore_index=True)
        desc.to_csv(os.path.join(out, "scales.csv"), index=False)
        pd.DataFrame(tests).to_csv(os.path.join(out, "comparisons.csv"), index=False)
        # Figure 2: mean of the first scale per municipality with its 95% interval.
        first = desc[(desc["scale"] == cb["scales"][0]["id"]) & (desc["group_by"] == "municipality") & ~desc["suppressed"]]
        first = first.sort_values("mean")
        fig, ax = plt.subplots(figsize=(7, max(3, 0.18 * len(first))))
        ax.errorbar(first["mean"], first["group"], xerr=[first["mean"] - first["ci_low"], first["ci_high"] - first["mean"]], fmt="o", ms=3)
        ax.set_xlabel(cb["scales"][0]["label"]["nl"])
        plt.tight_layout()
        plt.savefig(os.path.join(out, "figures", "scale_by_municipality.png"), dpi=300)
        plt.close("all")
    print(f"pandas: {study_dir} in {(pd.Timestamp.now() - t0).total_seconds():.1f} s", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
