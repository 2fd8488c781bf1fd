import re,sys
# Building blocks of the operational patterns (written out in the YAML).
W = r"[\p{L}\p{N}'’-]+(?:,\d{3})*"
W3 = r"(?:[\p{L}\p{N}'’-]{3,}(?:,\d{3})*|\d+(?:,\d{3})*)"
NUMR = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?|thirty|forty|fifty|a\s+dozen|several)"
NUM = r"(?:" + NUMR[3:-1] + r"|an?|our|their)"
ROLE = r"(?:officers?|agents?|constables?|police(?:men|women)|operatives?|investigators?|prosecutors?|social\s+workers?|soldiers|marines|troopers|psychologists?|interpreters?|counsell?ors?|bailiffs?|examiners?|locksmiths?|detectives|inspectors|guards|rangers|staff|officials|VAOs?|of\s+(?:us|ours))"
UNIT = r"(?:\s+(?:of|from)\s+the\s+(?:[\p{L}-]+\s+){0,3}?(?:police|unit|department|agency|ministry|office|bureau|division|squad|task\s+force|service))?"
def member(num): return num + r"\s+(?:[\p{L}-]+\s+){0,3}?" + ROLE + r"\b" + UNIT
SEP = r"\s*(?:,\s*(?:and\s+|including\s+|plus\s+)?|\+|\s+and\s+|\s+plus\s+|\s+including\s+)\s*"
LIST = member(NUMR) + r"(?:" + SEP + member(r"(?:" + NUM[3:-1] + r"|[A-Z]{2,6})") + r")*"
# Ends a phrase without being part of it (outside group 1).
T = r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|or|who|which|that|while|when|then|so|because|told|said|says|were|was|is|are|had|has|have|to|into|at|in|on|from|with|after|before)\b|\s+\p{L}+ed\b|\s*$)"
def phrase(n): return r"(?:" + W + r"\s+){0,%d}?" % n + W3
# Without a terminator in reach, a phrase still takes up to two words.
def short(n): return r"(?:" + W + r"\s+){0,1}" + W3
pats = {}
pats['team'] = [
  r"\b((?:an?\s+)?team\s+of\s+" + NUMR + r"\b(?:\s*:\s*" + LIST + r"|\s+(?:[\p{L}-]+\s+){0,3}?" + ROLE + r"\b" + UNIT + r"(?:" + SEP + member(NUM) + r")*)?)",
  r"\b((?:team\s*:\s*)?" + LIST + r")",
]
pats['cover'] = [
  r"\b((?:(?:(?:an?|the|our|one|two|three|\d{1,2})\s+(?:[\p{L}-]+\s+){0,2}?(?:investigators?|officers?|agents?|officials?|colleagues?|policewom[ae]n|policem[ae]n|operatives?)|I|we|he|she|they)(?:\s+(?:in\s+civilian\s+clothes|in\s+plain\s+clothes))?,?\s+)?(?:pos(?:ed|ing|es|e)|disguised|dressed|went\s+undercover)\s+as\s+(?:an?\s+|the\s+|two\s+|three\s+)?" + phrase(3) + r"(?:\s+(?:looking\s+for|buying|selling|for)\s+" + phrase(4) + r")?)" + T,
  r"\b(pretend(?:ed|ing)\s+to\s+be\s+(?:an?\s+)?" + phrase(3) + r")" + T,
  r"\b((?:plain[- ]?clothes|plainclothes|undercover)\s+(?:officers?|agents?|police(?:men|women)?|investigators?))\b",
  r"\b((?:officers?|agents?|police(?:men|women)?|investigators?)\s+in\s+(?:civilian|plain)\s+clothes)\b",
  r"\b(the\s+undercover\s+(?:investigator|officer|agent))\b",
  r"\b((?:a\s+)?decoy\s+(?:customer|buyer|client)(?:\s+sent\s+by\s+(?:the\s+)?police)?)\b",
]
pats['source'] = [
  r"\b((?:an?|the|our)\s+(?:tip|lead|report|call|message)\s+from\s+(?:an?|the|her|his|their)\s+" + phrase(3) + r"(?:\s+(?:who|that)\s+" + phrase(10) + r")?)" + r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says)\b|\s*$)",
  r"\b(informant(?:\s+(?:is|was)\s+(?:an?|the)\s+" + phrase(10) + r")?)" + r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says)\b|\s*$)",
  r"\b((?:passed|sent|gave|took|forwarded)\s+(?:the\s+)?(?:tip|word|note|message|information|list)\b(?:\s+" + W + r"){0,8}?)" + r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while)\b|\s*$)",
  r"\b((?:[\p{L}'’-]+\s+){0,2}(?:called|messaged|texted|contacted|alerted)\s+(?:our|a|the)\s+(?:partner(?:'|’)?s?\s+)?(?:hotline|helpline|tip\s+line)\b(?:\s+on\s+\w+)?)",
  r"\b((?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:driver|seller|vendor|rider|attendant|neighbour|neighbor|cleaner|worker|helper|volunteer|observer|crew\s+member|schoolteacher|teacher|fisherman|boatman|operator|liaison\s+officer|shopkeeper|guard)\s+(?:who|in|at|aboard|from|on)\s+" + phrase(10) + r")" + r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says|called|texted|messaged|sent|took|was|had)\b|\s*$)",
  r"\b((?:an?\s+)?(?:[\p{L}-]+\s+){0,3}?(?:officer|investigator|officers|investigators)\s+had\s+(?:flagged|reported|spotted|monitored)\s+(?:the|an?|her|his)\s+" + phrase(5) + r")" + T,
]
# Every terminated pattern gets a fallback that takes at most two words of
# each phrase, for phrases whose end no terminator marks.
TS = [T, r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says)\b|\s*$)",
      r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while)\b|\s*$)",
      r"(?:[ \t]*(?:[,.;:!?](?:\s|$)|[()\"“”\n])|\s+(?:and|but|while|told|said|says|called|texted|messaged|sent|took|was|had)\b|\s*$)"]
for k in pats:
    new = []
    for p in pats[k]:
        new.append(p)
        for t in TS:
            if p.endswith(t):
                fb = p[:-len(t)]
                for n in range(1, 11):
                    fb = fb.replace(phrase(n), short(n))
                new.append(fb)
                break
    pats[k] = new
out = []
for k,v in pats.items():
    out.append("  # " + k)
    for p in v:
        out.append("      - '" + p.replace("'", "''") + "'")
print("\n".join(out))
