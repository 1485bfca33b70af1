import sys, os
S = sys.argv[1]
def edit(path, old, new):
    p = os.path.join(S, path); s = open(p).read()
    if s.count(old) != 1: print("!!", path, repr(old[:60]), s.count(old)); return
    open(p, 'w').write(s.replace(old, new))
edit('causes/sciatica-radiating-below-the-knee.yaml',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: left}',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: left, site: FOOT}')
edit('next-steps/spine-pregnant-with-sciatica-no-nsaids.yaml',
     'pain radiating down the back of the right leg.\n', 'pain radiating down the back of the right leg\n  into the calf.\n')
edit('next-steps/spine-pregnant-with-sciatica-no-nsaids.yaml',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: right}',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: right, site: CALF}')
edit('next-steps/spine-severe-sciatica-worse-lying-down.yaml',
     'pain shooting down the leg that is worse', 'pain shooting down the leg into the foot that is worse')
edit('next-steps/spine-severe-sciatica-worse-lying-down.yaml',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: right}',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: right, site: FOOT}')
edit('causes/known-degenerative-disc-disease-with-radiating-pain.yaml',
     'low back pain radiating down both legs.', 'low back pain radiating down both legs\n  to the calves.')
edit('causes/known-degenerative-disc-disease-with-radiating-pain.yaml',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: bilateral}',
     '  - {code: RADIATING_LEG_PAIN, status: present, laterality: bilateral, site: CALF}')
edit('causes/multiple-sclerosis-with-tingling-legs.yaml', 'causeCategories: {include: [OTHER]}', 'causeCategories: {include: [INFLAMMATORY]}')
edit('causes/diabetic-smoker-with-calf-claudication-and-low-abi.yaml',
     'CARDIOVASCULAR_RISK_CONTROL, NEUROLOGICAL_EXAMINATION]', 'CARDIOVASCULAR_RISK_CONTROL, DIABETIC_FOOT_CHECK]')
edit('causes/diabetic-with-normal-abi-but-weak-foot-pulses.yaml',
     'EXERCISE_ANKLE_BRACHIAL_INDEX, NEUROLOGICAL_EXAMINATION]', 'EXERCISE_ANKLE_BRACHIAL_INDEX, DIABETIC_FOOT_CHECK]')
print("scenario edits tried")
