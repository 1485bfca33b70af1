import sys, re, os
R = sys.argv[1]  # rules dir
def edit(path, old, new, count=1):
    p = os.path.join(R, path)
    s = open(p).read()
    n = s.count(old)
    if n != count:
        print(f"!! {path}: expected {count} of {old[:70]!r}, found {n}"); return
    s = s.replace(old, new)
    open(p, 'w').write(s)

WALK = 'triggers contains "WALKING" || triggers contains "STANDING" || triggers contains "EXERTION")'
# 1. type rules: an explained walking pain is not claudication
t = '2-claudication/type.drl'
p = os.path.join(R, t); s = open(p).read()
for rid in ['CLAUD-TYPE-01', 'CLAUD-TYPE-02', 'CLAUD-TYPE-03', 'CLAUD-TYPE-05']:
    m = re.search(r'@id\(' + rid + r'\)[^\n]*\nwhen\n', s)
    assert m, rid
    s = s[:m.end()] + '    not ExertionalPainExplained()   // the walking pain is something else (not-claudication.drl)\n' + s[m.end():]
m = re.search(r'rule "Claudication question: walking-induced pain with unrecorded relief', s)
s = s[:m.start()] + '''rule "Claudication type: walking-related leg pain that is something else (joint, shin, soreness, cramps) -> none"
    @id(CLAUD-TYPE-07) @source(EXT-C150)
when
    exists Finding(code == "LEG_PAIN", present,
            triggers contains "WALKING" || triggers contains "STANDING" || triggers contains "EXERTION")
    $because : java.util.List(size > 0) from accumulate($e : ExertionalPainExplained(), collectList($e))
then
    insertLogical(new ClaudicationConcluded(ClaudicationType.NONE));
end

''' + s[m.start():]
open(p, 'w').write(s)

# 2. soft vascular clues yield to a normal ABI with normal pulses
c = '2-claudication/clues.drl'
p = os.path.join(R, c); s = open(p).read()
for rid in ['CLAUD-VASC-01', 'CLAUD-VASC-02', 'CLAUD-VASC-06']:
    m = re.search(r'@id\(' + rid + r'\)[^\n]*\nwhen\n', s)
    assert m, rid
    s = s[:m.end()] + '    not VascularClaudicationOutweighed()   // a normal ABI with normal pulses outweighs it (not-claudication.drl)\n' + s[m.end():]
open(p, 'w').write(s)

# 3. undecided walking pain: spinal stenosis stays possible; artery disease only when not ruled out
edit('3-causes/claudication-causes.drl',
'''then
    insertLogical(new HypothesisRaised("PERIPHERAL_ARTERY_DISEASE", Tier.POSSIBLE,
            "walking-induced leg pain: vascular claudication not yet told apart from neurogenic"));
    insertLogical(new HypothesisRaised("LUMBAR_SPINAL_STENOSIS", Tier.POSSIBLE,
            "walking-induced leg pain: neurogenic claudication not yet told apart from vascular"));
end''',
'''then
    insertLogical(new HypothesisRaised("LUMBAR_SPINAL_STENOSIS", Tier.POSSIBLE,
            "walking-induced leg pain: neurogenic claudication not yet told apart from vascular"));
end

rule "Cause: walking-induced pain of undecided mechanism, artery disease not ruled out -> artery disease possible"
    @id(CAUSE-CLAUD-02) @source(S001-C01, EXT-C151)
when
    ClaudicationConcluded(type == ClaudicationType.INDETERMINATE)
    Finding(code == "LEG_PAIN", present,
            triggers contains "WALKING" || triggers contains "STANDING" || triggers contains "EXERTION")
    not PadRuledOut()
then
    insertLogical(new HypothesisRaised("PERIPHERAL_ARTERY_DISEASE", Tier.POSSIBLE,
            "walking-induced leg pain: vascular claudication not yet told apart from neurogenic"));
end''')
edit('3-causes/claudication-causes.drl',
     'rule "Cause: walking-induced pain of undecided mechanism -> artery disease and spinal stenosis both possible"',
     'rule "Cause: walking-induced pain of undecided mechanism -> spinal stenosis possible"')

# 4. risk-factor rules: former smokers count; not when PAD is ruled out
edit('3-causes/vascular.drl',
'''    PatternFound(pattern == DistributionPattern.WALKING_INDUCED)
    Finding(code == "SMOKING", present)
then''',
'''    PatternFound(pattern == DistributionPattern.WALKING_INDUCED)
    Finding(code == "SMOKING" || code == "FORMER_SMOKING", present)
    not PadRuledOut()
then''')
edit('3-causes/vascular.drl', '@id(CAUSE-PAD-05) @source(S001-C06)', '@id(CAUSE-PAD-05) @source(S001-C06, EXT-C151)')
edit('3-causes/vascular.drl', 'rule "Cause: walking-induced leg pain in a smoker -> peripheral artery disease possible"',
     'rule "Cause: walking-induced leg pain in a current or former smoker -> peripheral artery disease possible"')
edit('3-causes/vascular.drl',
'''    Finding(code == "DIABETES" || code == "HYPERTENSION" || code == "HIGH_CHOLESTEROL", present)
then''',
'''    Finding(code == "DIABETES" || code == "HYPERTENSION" || code == "HIGH_CHOLESTEROL", present)
    not PadRuledOut()
then''')
print("done")

# 5. radiating pain alone is not enough for "likely" radiculopathy
edit('3-causes/structural.drl',
'''rule "Cause: radicular pain -> lumbar radiculopathy or sciatica likely"
    @id(CAUSE-RAD-01) @source(S002-C04, S003-C02, S003-C03, S004-C03, S002-C18)
when
    PatternFound(pattern == DistributionPattern.RADICULAR)
then
    insertLogical(new HypothesisRaised("LUMBAR_RADICULOPATHY", Tier.LIKELY,
            "pain along a nerve-root path comes from a compressed or irritated lumbar nerve root"));
end''',
'''rule "Cause: radiating pain below the knee, or with numbness, tingling, weakness or a dermatomal pattern -> lumbar radiculopathy likely"
    @id(CAUSE-RAD-01) @source(S002-C04, S003-C02, S003-C03, S004-C03, S002-C18, EXT-C193)
when
    PatternFound(pattern == DistributionPattern.RADICULAR)
    not Finding(code == "VESICULAR_DERMATOMAL_RASH", present)   // a dermatomal rash is shingles (differential.drl)
    (   Finding(code == "RADIATING_LEG_PAIN", present, site == "CALF" || site == "SHIN" || site == "FOOT")
     or Finding(code == "DERMATOMAL_DISTRIBUTION", present)
     or (    Finding(code == "RADIATING_LEG_PAIN", present)
         and Finding(code == "NUMBNESS" || code == "PARESTHESIA" || code == "LEG_WEAKNESS" || code == "FOOT_DROP",
                     present) ) )
then
    insertLogical(new HypothesisRaised("LUMBAR_RADICULOPATHY", Tier.LIKELY,
            "pain along a nerve-root path comes from a compressed or irritated lumbar nerve root"));
end

rule "Cause: pain radiating from the back into the leg -> lumbar radiculopathy possible"
    @id(CAUSE-RAD-03) @source(S003-C02, EXT-C193)
when
    PatternFound(pattern == DistributionPattern.RADICULAR)
then
    insertLogical(new HypothesisRaised("LUMBAR_RADICULOPATHY", Tier.POSSIBLE,
            "radiating pain alone can be referred back pain: below-knee spread, root signs or a straight-leg raise decide"));
end''')

# 6. weeks of pregnancy recorded = pregnant, even when the pregnancy field is blank
edit('3-causes/other.drl',
'''    Patient(pregnancy == Status.PRESENT)
    Finding(code == "LOW_BACK_PAIN" || code == "RADIATING_LEG_PAIN" || code == "LEG_PAIN", present)''',
'''    ( Patient(pregnancy == Status.PRESENT) or Finding(code == "GESTATION_WEEKS", present) )
    Finding(code == "LOW_BACK_PAIN" || code == "RADIATING_LEG_PAIN" || code == "LEG_PAIN", present)''')
p = os.path.join(R, '5-next-steps/spine.drl'); s = open(p).read()
n = s.count('    Patient(pregnancy != Status.PRESENT)\n')
s = s.replace('    Patient(pregnancy != Status.PRESENT)\n',
              '    Patient(pregnancy != Status.PRESENT)\n    not Finding(code == "GESTATION_WEEKS", present)   // weeks of pregnancy recorded: pregnant\n')
print("spine.drl pregnancy guards:", n)
open(p, 'w').write(s)
edit('5-next-steps/spine.drl',
'''    Patient(pregnancy == Status.PRESENT)
    HypothesisRaised(condition == "PREGNANCY_RELATED"''',
'''    ( Patient(pregnancy == Status.PRESENT) or Finding(code == "GESTATION_WEEKS", present) )
    HypothesisRaised(condition == "PREGNANCY_RELATED"''')

# 7. a cause already answered in other words is not asked again
edit('3-causes/neuropathy.drl',
'''    not Finding(code == $code, known)
then
    insertLogical(new QuestionRaised($code, Priority.CAUSE, "a common cause of peripheral neuropathy"));''',
'''    not Finding(code == $code, known)
    // answered in other words: alcohol in units a week, "no regular medicines", "no other medical problems"
    not Finding(code == "ALCOHOL_UNITS_PER_WEEK", known, $code == "ALCOHOL_MISUSE")
    not Finding(code == "NO_REGULAR_MEDICINES", present, $code == "METFORMIN")
    not Finding(code == "NO_OTHER_MEDICAL_PROBLEMS", present, $code == "DIABETES" || $code == "CHRONIC_KIDNEY_DISEASE")
then
    insertLogical(new QuestionRaised($code, Priority.CAUSE, "a common cause of peripheral neuropathy"));''')

# 8. the diabetic foot check is its own step
edit('5-next-steps/systemic.drl',
'''    @id(NEXT-DM-FOOT) @source(EXT-C13)
when
    Finding(code == "DIABETES", present)
then
    insertLogical(new Recommended("NEUROLOGICAL_EXAMINATION",''',
'''    @id(NEXT-DM-FOOT) @source(EXT-C13, EXT-C188)
when
    Finding(code == "DIABETES", present)
then
    insertLogical(new Recommended("DIABETIC_FOOT_CHECK",''')

# 9. multiple sclerosis is an inflammatory cause
edit('vocabulary/conditions.yaml', '''  - id: MULTIPLE_SCLEROSIS
    label: "Multiple sclerosis"
    category: other''', '''  - id: MULTIPLE_SCLEROSIS
    label: "Multiple sclerosis"
    category: inflammatory
    decidedBy: [LHERMITTE_SIGN, OPTIC_NEURITIS_HISTORY]''')
print("all edits tried")
