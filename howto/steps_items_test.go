package howto

import (
	"strings"
	"testing"
)

// TestStepFinding checks the fourth pass's kinds of failure by the steps
// found: each want is the opening of one step's text, in order.
func TestStepFinding(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"a stretch that opens a paragraph of its own is that paragraph's step, not joined to the move before",
			"Knead both calves for 30 seconds.\n\nHug the right knee towards the opposite shoulder and hold for 30 seconds.\n",
			[]string{"Knead both calves", "Hug the right knee"}},
		{"a part held and turned to and fro is a move, its count in the next sentence",
			"Ankles\n\nSqueeze up the calf with both hands, from ankle to knee, five times.\nNow hold the foot and turn it gently in and out. Do that ten times.\nDo the other leg after.\n",
			[]string{"Squeeze up the calf", "Now hold the foot", "Do the other leg"}},
		{"a list numbered with no stop: each number starts an item; a hand set for balance is no set-up",
			"THE ROADSIDE FIVE\n\n1  Put a hand on the barrier post for balance. Swing one leg forward and back like a pendulum, ten times. Change legs and do the same.\n2  Make loose fists and drum them down the front of your thighs from hip to knee.\n",
			[]string{"Swing one leg", "Change legs", "Make loose fists"}},
		{"a list numbered with no stop whose items run on in indented lines",
			" 8  Wait  [20]  seconds\n 9  Speak Text\n      \"Slide your fingertips down both sides of your neck, ten times.\"\n10  Speak Text\n      \"Finally, press your palms flat on your chest and draw your shoulder blades together, three times over.\"\n11  Show Notification\n",
			[]string{"Speak Text \"Slide", "Speak Text \"Finally"}},
		{"a workbook's numbered sections in capitals are no list of moves",
			"1  VOCABULARY  Match the words to the pictures.\n2  LISTENING  Listen to Carla and the physiotherapist. Then read the conversation and check your answers.\n\nMr Reid: Now rest your right fingertips on the left side of your neck and press gently in small circles.\n",
			[]string{"Mr Reid: Now rest"}},
		{"a turn that names the moves it repeats by number is no step; a joint bent by \"it\" after the hold is a move",
			"[RED, boxed]  AFTER-MATCH PAIRS - CALVES/ANKLES\n  Formation: one player sitting on the floor, legs out; partner kneels beside the ankles.\n  DEF -> Heels of both hands, press and release up the calf in a line, heel to knee. 4 lines.\n  MID -> Fingertips circling both sides of the Achilles, 6 circles.\n  ATT -> Hold the foot and bend it slowly up and down at the ankle, 10 times.\n\nSwap feet and do 1 to 3 again.\n",
			[]string{"DEF - Heels", "MID - Fingertips", "ATT - Hold the foot"}},
		{"a log's dated entries are no numbered list",
			"14 Aug - Priya & Sam. Sam's hips were wrecked, so here is the rub our physio friend taught us:\n~ Press the heel of your hand slowly into the big muscle of one buttock, about a minute.\n15 Aug - Jo. Wet all day, stayed in.\n",
			[]string{"Press the heel"}},
		{"a set-up item that holds for a time is its step, not joined to the next item's move",
			"1 Point your feet down towards the end of the bed, then pull them back up towards you. Ten times.\n2 Curl your toes tight for five seconds, then spread them wide.\n3 If you can reach comfortably, sit up and rub the top of each foot from the toes to the ankle.\n",
			[]string{"Point your feet", "Curl your toes", "If you can reach"}},
		{"a set-up item that warms the hands is no step and joins nothing",
			"* Cup your hands and blow warm breath into them.\n* Press your thumb into the middle of the other palm and draw it out to each fingertip in turn.\n",
			[]string{"Press your thumb"}},
		{"a stretch opening an item after a few words with no verb is that item's step",
			"1) Slide both hands under the small of your back and let your weight settle on them for 30 seconds.\n2) Hands back out. Hug your right knee towards your chest and hold for 20 seconds. Then the left knee.\n",
			[]string{"Slide both hands", "Hug your right knee", "Then the left knee"}},
		{"a mind map's moves are steps of their own",
			"Mind map export\n\nHANDS\n|\n+-- Before\n|   +-- Take off my watch\n|\n+-- Hands\n|   +-- Stroke from her wrist over the back of the hand to the fingertips, 5 times\n|   +-- Thumb circles on the palm, 30 seconds\n|\n+-- Forearm\n    +-- Knead from the wrist up to the elbow with both hands, 3 slow passes\n",
			[]string{"Stroke from her wrist", "Thumb circles", "Knead from the wrist"}},
		{"a program's list of moves: each quoted move a step, its workings none",
			"#!/usr/bin/env python3\nimport time\n\nSTEPS = [\n    (\"Glide both thumbs from her wrist up the inside of the forearm to the elbow, 6 times.\", 40),\n    (\"Press and circle the fleshy base of her thumb for 30 seconds.\", 30),\n]\n\ndef run():\n    for text, wait in STEPS:\n        time.sleep(wait)\n\nrun()\n",
			[]string{"Glide both thumbs", "Press and circle"}},
		{"a list item's stretch with a verb no list holds is a step",
			"1. CALF STRETCH\nStand on the bottom stair, holding the rail. Let your right heel sink slowly below the edge until you feel it in the calf.\nHold: 30 seconds\nDo not bounce.\n\n2. ARCH\nPress small circles along the arch of the foot with both thumbs.\n",
			[]string{"Let your right heel sink", "Press small circles"}},
		{"a later sentence of the next item never changes the item before",
			"1. Forehead:\nKeep both hands on the forehead. Move your hands from the middle towards the ends, 7 times.\n2. Cheeks:\nThe skin sags with age. Keep your fingers joined. Make big circles on the cheeks with your finger pads.\n",
			[]string{"Forehead: Keep both hands", "Make big circles"}},
		{"a set-up with a product is no step",
			"- Warm a pea-sized amount of balm between your palms and smooth it over both hands.\n- Hold the flannel under the hot tap and wrap it round both hands for two minutes.\n- Draw slow circles over your left palm with your right thumb.\n",
			[]string{"Draw slow circles"}},
		{"a towel held while the toes are drawn back is a move",
			"1. Loop the towel round the ball of your foot and draw the toes towards you.\n2. Knead the calf with both hands.\n",
			[]string{"Loop the towel", "Knead the calf"}},
		{"a table row's names title it; a changelog is furniture",
			"| # | Move | Where | How |\n|---|---|---|---|\n| 1 | Fan strokes | Upper back → shoulders | Glide your palms up either side of the spine, 6 times |\n| 2 | Finish | Whole back | Brush down from the neck to the waist with light fingertips |\n\n## Changelog\n\n- v1.1: added the neck glide\n",
			[]string{"Glide your palms", "Brush down"}},
		{"a move that says it comes next on a new place is a step of its own",
			"- Using your thumb, do circular pressures on your forearm. Then, using both thumbs, circle around the wrist bones.\n- Stroke the whole arm.\n",
			[]string{"Using your thumb", "Then, using both thumbs", "Stroke the whole arm"}},
		{"a repeat whose only places are in its caution changes the step before",
			"- Grasp the base of your neck and squeeze it, moving up to the skull. Repeat as many times as needed, being careful not to tense your working arm and hand.\n- Stroke the forehead.\n",
			[]string{"Grasp the base", "Stroke the forehead"}},
		{"a paragraph written a move a line is a list",
			"STATION 2\nSit, knee bent, foot flat.\nBoth thumbs up the middle line of the calf, ankle to knee /// x5\nPinch and lift the outer calf, working upwards.\n",
			[]string{"Both thumbs up", "Pinch and lift"}},
		{"a clause that only swaps is a turn; an item opening with a verb no list holds is a step",
			"- Slow rolls on the roller from just above the ankle to just below the knee, x10.\n- Then cross right over left to load the left calf, x10, swap.\n- Pause on a tender spot in the calf and point and flex the foot 5 times.\n",
			[]string{"Slow rolls", "Then cross", "swap", "Pause on"}},
		{"the same for the right one is a turn; a stroke with no verb after \"and then\" is a move of its own",
			"Circle the edge of the left shoulder blade with your thumbs. Then the same for the right one. Tap lightly all over the back with your fingertips, and then just a long stroke down from your neck to your waist.\n",
			[]string{"Circle the edge", "Then the same", "Tap lightly", "then just a long stroke"}},
		{"a move after a set-up with a product and \", and\" is a step",
			"- Apply lotion to the palm of the hand, and use your knuckles to knead the muscles of your hand.\n- Stroke the back of the hand from the wrist to the fingertips.\n",
			[]string{"use your knuckles", "Stroke the back"}},
		{"\"1.)\" and \"3-Press\" number items; \"10-15 seconds\" is a range",
			"1.) Stroke the sole with both thumbs from heel to toes. 1 minute.\n\n2.) Knead the arch with your knuckles.\n\n3-Press the heel with your thumb for ten seconds.\n\n10-15 seconds is enough for each toe.\n",
			[]string{"Stroke the sole", "Knead the arch", "Press the heel"}},
		{"\"2 / NECK\" numbers an item before a capital, each item a step of its own",
			"1 / FEET Stroke the soles with both thumbs, heel to toes. Five times.\n2 / ANKLES Circle each ankle bone with your fingertips.\n3 / CALVES Knead the calves from ankle to knee.\n",
			[]string{"Stroke the soles", "Circle each ankle", "Knead the calves"}},
		{"\"After that\" opens the next move; \"give it a wiggle\" is a move",
			"Stroke each sole from heel to toes five times. Give every toe a wiggle. After that, move up to the calves and do long strokes from the ankle up to the knee.\n",
			[]string{"Stroke each sole", "Give every toe", "After that"}},
		{"a label before a spaced dash, a hold timed by a count",
			"- This Little Piggy - give each toe a tiny wiggle and a gentle pull.\n- Sandwich the foot between your palms and hold it while you count to 20.\n- A bit of self-massage after a run keeps the calves loose.\n",
			[]string{"This Little Piggy", "Sandwich the foot"}},
		{"the author's own plans and \"where I'll\" are moves",
			"Stroke up the back with both palms, six times. The knots near your belt are where I'll lean in with the heels of my hands, but not over the spine. I'd like to finish with a bit of light tapping all over the back.\n",
			[]string{"Stroke up the back", "The knots near", "I'd like to finish"}},
		{"a turn that opens an item keeps the rest of the item; a closing hold is a step; changing hands to work the other side is a turn",
			"1. Glide both palms up her back, six times.\n2. Other side. Help her roll over onto her right side and repeat the whole thing from the top.\n3. Make small circles with your right thumb down the right side of the neck. Change hands and work the left side.\n4. End with both hands lying still on her lower back for a few breaths.\n",
			[]string{"Glide both palms", "Other side", "Make small circles", "Change hands", "End with both hands"}},
		{"a move that opens its own item is a step, \"right to left\" is no other side",
			"- Then slow circles with your flat hand, clockwise. Twenty circles.\n- With your fingertips, make small circles along the same path, right to left, for two or three minutes.\n",
			[]string{"Then slow circles", "With your fingertips"}},
		{"a page's text a paragraph a line: each line stands, openers with no comma",
			"Constipation massage can be done at home. Don't do this massage if you are:\npregnant\nhave a hernia\nLay on your back with your knees bent.\nStarting at your navel use your fingertips to make a clockwise circle, spiralling outward.\nNow starting on the right side of near the appendix use small circular strokes up to the ribcage.\nOnce you get to the left side massage straight down to just below the navel.\nMassage across the abdomen to just under the navel.\n",
			[]string{"Starting at your navel", "Now starting on the right", "Once you get", "Massage across"}},
		{"a move as the subject of what it does is no step; \"loosen up the joints by moving\" is",
			"By helping to ease the pressure in your jaw, massaging your jaw will help to bring you comfort. Before you start, loosen up the joints by moving your jaw slowly from side to side. Then use your fingers to massage your jaw line in small circles.\n",
			[]string{"Before you start", "Then use your fingers"}},
		{"a question to the reader is no step; a suggestion asked is",
			"Have you ever wondered how to give yourself a scalp massage? Circle your fingertips over the scalp for a minute. Why not finish with a few slow strokes down the neck?\n",
			[]string{"Circle your fingertips", "Why not finish"}},
		{"a closing item that plays one step again is a step; a range of steps on the other side is none",
			"1. Stroke the foot from the toes to the ankle, five times.\n2. Rotate each toe twice in each direction.\n3. Repeat step 1.\n4. Repeat steps 1 to 3 on the other foot.\n",
			[]string{"Stroke the foot", "Rotate each toe", "Repeat step 1"}},
		{"a closing line that finishes with a step named by its number is that step again, a step of its own",
			"1. Rest both hands flat on the tummy for a minute.\n2. Circle clockwise round the navel, ten times.\n3. Knead the sides of the waist for a minute.\nFinish with the resting hands from Step 1.\n",
			[]string{"Rest both hands", "Circle clockwise", "Knead the sides", "Finish with the resting"}},
		{"a step named again at an item's end is a step; movements applied are a move",
			"1. Glide a flat palm up the inside of the arm from the wrist to the shoulder.\n2. Apply small, light circular movements to the inner part of the forearm, working up to the elbow. Finally, repeat step 1 to complete your massage.\n",
			[]string{"Glide a flat palm", "Apply small", "Finally, repeat step 1"}},
		{"a paragraph that opens with a general move by another part of the hand is a step; digging in is a move",
			"Shake the belly of your calf muscle. Use your hands to bounce and wiggle the calf.\n\nLocate knots. Use your fingers to dig into the belly of the calf.\n\nMassage the calf with your fist. Cover the whole calf.\n",
			[]string{"Shake the belly", "Use your fingers", "Massage the calf with your fist"}},
		{"advice on leaning with the body's weight is no step; letting one's weight settle on a ball is",
			"- Knead the lower back with the heels of your hands for two minutes.\n- Lean your body weight in rather than pushing with your arms.\n- When you find a tender point, stop rolling and let your weight settle on the ball for 20-30 seconds.\n",
			[]string{"Knead the lower back", "When you find"}},
		{"a set-up, then a move on a place in the same sentence: the move is a step",
			"1. Rub the oil between your palms, then press your palms flat over your cheeks and just breathe for three slow breaths.\n2. Smooth the forehead from the middle out to the hairline, 5 times.\n",
			[]string{"then press your palms", "Smooth the forehead"}},
		{"a closing move on a place of its own, after 'and end with', is a step",
			"1. Knead the forearm for a minute.\n2. Brush down the back lightly with both palms and end with tapping along the shoulders with loose fingers.\n",
			[]string{"Knead the forearm", "Brush down the back", "end with tapping"}},
		{"a count per side told alone changes the move before",
			"First I just stroke up the front of each thigh from the knee to the hip. Maybe 20 strokes a leg.\n\nThen grab handfuls of the quad and squeeze, working up the thigh.\n",
			[]string{"First I just stroke", "Then grab handfuls"}},
		{"hands moved to a place lead into the move there; 'be certain to make sure' is advice, and so is pressing round a sore area, no place named, to find where it hurts; an opener with no comma after what is found",
			"1. As you do these strokes, be certain to make sure your hands stay comfortable.\n2. Gently press around the sore area to find where the pain is.\n3. Once the spot is found gently rub around it in a circle ten times.\n4. Move your hands to an inch away from the sore spot.\n5. Gently lift the skin into a fold between finger and thumb.\n",
			[]string{"Once the spot is found", "Move your hands"}},
		{"a number and a full stop with no space before a capital opens an item; 2.5 cm does not",
			"3. As you return to the jawline, move towards the nose bridge.\n4.Slowly make soft movements from the nose bridge to the cheekbone.\n5. Press 2.5 cm below the cheekbone\n2.5 cm from the nose, for ten seconds.\n",
			[]string{"As you return", "Slowly make soft", "Press 2.5 cm"}},
		{"a closing move told after the moves of its item is a step, on the same place too",
			"1. Knead the shoulders for a minute.\n2. Now for your head, take small fistfuls of hair and gently pull. Finish by stroking across the head.\n",
			[]string{"Knead the shoulders", "Now for your head", "Finish by stroking"}},
		{"cream smoothed along the limb is a stroke; holding the hand there for a minute is a hold",
			"- Rest his hand palm down on yours and cover it with your other hand. Just hold it there for a minute so he knows what is coming.\n- Smooth cream from his fingertips up to his wrist with the flat of your hand.\n- Using the pad of your thumb, make small circles over his palm.\n",
			[]string{"Rest his hand", "Smooth cream", "Using the pad"}},
		{"cream smoothed or stroked along a place with strokes or a count is a stroke; 'the lotion strokes again' are strokes; 'the brushing from the start' is a move",
			"1. Smooth the cream over the back of their hand and up to the wrist with long, slow strokes.\n2. Stroke the cream over the top of the foot, toes to ankle, about six times.\n3. Knead the palm for a minute.\n4. Finish with the lotion strokes again, five slow ones.\n5. Finish with the brushing from the start.\n",
			[]string{"Smooth the cream", "Stroke the cream", "Knead the palm", "Finish with the lotion", "Finish with the brushing"}},
		{"\"Scene 2:\" numbers a step as \"Step 2:\" does; \"Same again, left side.\" after moves on the right is a turn",
			"   Scene 1: Lean back and bob up and down through your knees,\n           letting the ball travel along the top of the blade.\n\n   Scene 2: Walk the ball inwards until it sits between the\n      blade and the spine. Sink into it and stay there, 20 seconds.\n\n   Scene 3: Roll the ball onto the top of the right shoulder\n        and press back, four times.\n\n   Scene 4: Same again, left side.\n",
			[]string{"Lean back", "Walk the ball", "Roll the ball", "Same again"}},
		{"a large-print leaflet's short lines run on into the line in small letters under them",
			"BEFORE YOU START\n\nPat them dry, especially\nbetween the toes.\n\nTHE MASSAGE\n\nStep 1\nRoll each toe gently\nbetween your finger and thumb.\n\nStep 2\nStroke down the top of the foot\nfrom ankle to toes.\n",
			[]string{"Roll each toe gently between", "Stroke down the top"}},
		{"a list inside an item that leads in with a colon is a list of its own",
			"Mon 3 March\n1. Sun came out at lunch.\n2. She showed me a jaw routine to do before bed. Writing it down so I don't forget:\n   - lay two fingers on each cheek where the muscle bunches when I bite, and circle slowly, about 20 times\n   - press there and hold for 8 seconds, letting the mouth drop open; do it 4 times\n   - glide my thumbs under the cheekbones from the nose out to the ears, 6 glides\n",
			[]string{"lay two fingers", "press there", "glide my thumbs"}},
		{"light slaps to finish, in an item of their own, are a move of their own",
			"▪ Knuckle the outside of each hip in slow circles, six on each side.\n▪ Finish with a dozen light slaps up and down the outer thighs.\n",
			[]string{"Knuckle the outside", "Finish with a dozen"}},
		{"cream put on and smoothed in from one place up to another is a stroke",
			"I wash my hands and dry them well. I put a little hand cream on and smooth it in from the fingertips up to the wrists with long strokes, for about a minute. Then I press my right thumb into my left palm, working in slow circles all over it.\n",
			[]string{"I put a little hand cream", "Then I press"}},
		{"a blob put on the forearm and spread up to the elbow with long strokes is a stroke",
			"a) Put a blob of cream on your left forearm and spread it up to the elbow with long strokes of your right palm, about 10.\nb) Knead the palm with your thumb for a minute.\n",
			[]string{"Put a blob", "Knead the palm"}},
		{"an opening place phrase with no comma ('Then in the same place apply pressure …')",
			"6. Press gently on the inner corner of the eye for 5 seconds.\n7. Then in the same place apply pressure inwards towards the nose.\n8. Circle the temples.\n",
			[]string{"Press gently", "Then in the same place", "Circle the temples"}},
		{"advice on keeping one's hands loose is no step",
			"1. Knead the flesh of the calf between fingers and thumbs.\n2. Always keep your hands loose and relaxed while you knead, in a slow, even rhythm.\n",
			[]string{"Knead the flesh"}},
		{"a leaflet's narrow column: words broken at line ends are joined, lines ending on 'and' run on",
			"1. Do the same down the fore-\narm, from elbow to wrist.\n2. Hold their hand palm up and\npress your thumbs in small\ncircles over the palm for about\na minute.\n3. Stroke the back of the hand from the fin-\ngers to the wrist, six times.\n",
			[]string{"Do the same down the forearm", "Hold their hand palm up and press", "Stroke the back of the hand from the fingers"}},
		{"a numbered section's name in title case over bullets is a heading; breathing and 'use gentle pressure' are advice",
			"1. Find a Comfortable Position\n- Relax: Take a few deep breaths to relax and prepare for the massage.\n2. Use Light Pressure\n- Gentle Touch: Use gentle pressure with your fingertips to avoid causing discomfort.\n- Circular Motions: Begin with small, circular motions using your fingertips on the scalp.\n3. Incorporate Hair Pulling (Optional)\n- Gently Tug: Gently tug on small sections of hair.\n",
			[]string{"Circular Motions", "Gently Tug"}},
		{"a press with no place after the hands are set is a step at that place",
			"Move 4: Temples\n\nSet your fingertips on the temples.\n\nPress gently and hold for 20 secs while you breathe out.\n\nMove 5: Hip flexor\n\nFingertips in the crease at the front of the hip.\n\nPress gently and hold for 20 secs.\n",
			[]string{"Set your fingertips", "Fingertips in the crease"}},
		{"a giver named with a word before the noun instructs like \"you\"",
			"The pregnant partner sits on a chair, facing its back.\n\nTo ease the ache, the massaging partner should gently press down on the top of the sacrum for ten seconds.\n\nThen the massaging partner can stroke the lower back with both palms, 5 times.\n",
			[]string{"To ease the ache", "Then the massaging partner"}},
		{"clothes taken off and a seat moved are no steps",
			"Roll up the sleeve.\n\nSlide the seat back so your knees are only slightly bent.\n\nStroke from the wrist up to the shoulder, 6 times.\n",
			[]string{"Stroke from the wrist"}},
		{"massage as a subject, breaths and the page itself are no steps",
			"Massage represents an excellent option for sore thighs. Massage therapists carry a lot of tension in their hands.\n\nKeep reading this article and you will know how to do it.\n\nRelax: Take a few deep breaths to relax and prepare for the massage.\n\nAsk him to take a few deep breaths, allowing the tension to go.\n\nKnead the thigh with both hands for a minute.\n",
			[]string{"Knead the thigh"}},
		{"a procedure's numbered clauses: a numbered lead-in warns by its sub-clauses, a move named by its number is no step",
			"3. Contraindications\n3.1 Do not massage and inform the nurse if the resident has:\n3.1.1 broken or fragile skin on the area;\n3.1.2 a temperature above 37.8 °C.\n\n5. Procedure\n5.1 Squeeze gently down the right upper arm from shoulder to elbow, 4 times.\n5.2 Repeat 5.1 on the left arm.\n5.3 Make small circles with the fingertips between the shoulder blades for 1 minute.\n",
			[]string{"Squeeze gently", "Make small circles"}},
		{"a story's moves told in the past about someone named",
			"Page 2\nThen the rain began. Pip tapped her fingertips all over Grandpa's back, light as raindrops.\n\nPage 3\nThen the wind blew. Pip swept her hands in big circles across Grandpa's back, eight big circles.\n",
			[]string{"Pip tapped", "Pip swept"}},
		{"\"do\" a place is a move there; following the page's instructions is none; \"followed by\" a second move splits",
			"Follow these step-by-step instructions with your partner.\n\n1. Rub the back of the hand in small circles.\n2. Now do the fingers.\n3. Pull outward on the ear rim five times, followed by pulling downward on the earlobe five times.\n",
			[]string{"Rub the back", "Now do the fingers", "Pull outward", "pulling downward"}},
		{"a spoken transcript with no full stops is cut where instructions start",
			"Hi this is Sam when your hip is hurting the muscles around it will get tight and\nwhen they are too tight they cannot work as well so today we are going to use a\ntennis ball to roll out the back of your hip Lie down on your back put the tennis\nball underneath your right buttock cross your right ankle over your left knee\nthen lean your hip on the ball and stay for 30 seconds to 1 minute then do it on the\nother side you may find one side tighter than the other\n",
			[]string{"then lean your hip", "then do it on the"}},
		{"a dash under a paragraph of sentences parts it from the next; it makes no heading of it",
			"Getting Down To Business\nOnce I found the sore spots, I started with some light pressure. I pressed my thumb into the forearm for 30 seconds.\n-\nCircular motions: I made small, circular motions with my thumb along the forearm for about a minute.\n-\n",
			[]string{"I pressed my thumb", "Circular motions"}},
		{"a transcript that opens its sentences with small letters after a capital start is cut at its full stops",
			"Transcript (auto): ok hi everyone so after the match we do partner massage. pair up with someone your size. one of you lies on a mat. knead the big muscle on the front of the thigh for about a minute. then give the whole thigh a shake for ten seconds.\n",
			[]string{"knead the big muscle", "then give the whole thigh"}},
		{"a stretch named next is a step of its own",
			"Roll the ball under the calf for a minute.\n\nFollow with a calf stretch and hold for 45 seconds on each side.\n\nRoll the ball under the buttock for a minute. Combine with a gentle hip stretch by pulling the knee to the chest.\n",
			[]string{"Roll the ball under the calf", "Follow with a calf stretch", "Roll the ball under the buttock", "Combine with"}},
		{"a run of short lines with no full stops is a list of sentences, not headings; a word and a number stays a label",
			"Slide 1\nSit Less Stiff\nDepot training room\n\nKnead the calf with both hands for a minute.\n\nTips\n\nDon't massage areas of pain or broken skin\nSupport body parts with pillows\nDon't press on bony areas\n",
			[]string{"Knead the calf"}},
		{"a write-up's moves told in the past and in the passive",
			"Method:\nThe experimenter placed two fingertips on each cheek over the masseter and circled slowly for 30 seconds.\nThe temples were pressed gently with the fingertips and held for 5 seconds, 3 times.\n",
			[]string{"The experimenter placed", "The temples were pressed"}},
		{"a part kept still, then the move; a move after the count that closed the step before is the next",
			"Thumb care\n\nLocate the sore lump at the base of the thumb and massage it side to side with firm pressure. Do 3 to 4 times daily. Keep your thumb relaxed, use the other hand to straighten the thumb and pull it backwards. Hold for 10 seconds.\n",
			[]string{"Locate the sore lump", "Keep your thumb relaxed"}},
		{"in a paragraph of moves, a move whose every place is new to the step is the next; in an item it stays",
			"Baby rub\n\nMilk the arms one at a time from shoulder to wrist, then gently massage the hands. Massage the tummy in clockwise circles. Gently rub the toes.\n\n1. Knead the thigh above the knee. Move a hand-width up and knead around the hip.\n",
			[]string{"Milk the arms", "Massage the tummy", "Gently rub the toes", "Knead the thigh"}},
		{"the paragraph under a numbered heading is that step's item, a verbless hold too",
			"Back rub\n\n▸ **1. Spread**\nLong glides with both flat hands up either side of the spine. 6 times.\n\n▸ **2. Hold**\nBoth palms flat on the lower back, still, for 20 seconds.\n",
			[]string{"Long glides", "Both palms flat"}},
		{"a move named, then told after \"is (to)\"",
			"Jaw care\n\nThe next exercise is to press your fingertips into either temple and circle slowly.\n\nAnother way to practice is pushing the tips of your first three fingers towards the jaw line.\n\nThe final exercise is to create fists with your hands and massage the jaw joint using slow half circles.\n",
			[]string{"The next exercise", "Another way to practice", "The final exercise"}},
		{"a lesson's aims are no moves, however they are worded",
			"Jaw course\n\nWEEK 3 – Along the jawline\nLearning outcome: glide along the jaw without dragging the skin.\nTechnique: stroke from your chin along the jawbone to just under your ears with your knuckles, 6 times.\n\nWEEK 4\nObjective: release the temporalis and the brow.\nTechnique: circle the temples with two fingers, ten times.\n",
			[]string{"Technique: stroke from your chin", "Technique: circle the temples"}},
		{"an item that only presses harder, with the hand that presses, is a move",
			"Calf rub\n\n1. Knead the calf lightly with your whole hand.\n2. Then apply deeper pressure with your fingers and thumbs.\n",
			[]string{"Knead the calf", "Then apply deeper pressure"}},
		{"an encyclopedia's moves told in the present passive",
			"Technique\n\nThe shoulders are then squeezed with the whole hand for about a minute. Next, the heels of the hands are rolled in small circles over the shoulder blades.\n\nThe scalp itself is worked with the pads of the fingers in small circles. The temples are then pressed with slow circles of the fingertips.\n",
			[]string{"The shoulders are then squeezed", "Next, the heels", "The scalp itself", "The temples are then pressed"}},
		{"prose wrapped at a width stays one paragraph",
			"Knead the calf with both hands,\nworking slowly from the ankle up to the knee and\nback down again, six times.\n",
			[]string{"Knead the calf"}},
		{"a counted set-up, or a hold, in an item of its own is that item's step, not the next one's",
			"a) Hook a resistance band round the ball of the foot and point and flex slowly, fifteen times.\nb) Roll forwards and back from the heel to just behind the toes for a minute.\nc) Wrap both hands round her foot and hold still.\nd) Stroke from the toes up to the ankle with flat fingers.\n",
			[]string{"Hook a resistance band", "Roll forwards", "Wrap both hands", "Stroke from the toes"}},
		{"a set-up item that only places the hands, or finds a muscle once, waits for the next item's move",
			"1. Place both palms at the base of the back.\n2. Glide them up either side of the spine to the shoulders.\n3. Put your fingertips just in front of your ears and clench once.\n4. Rub slow circles over the muscle there.\n",
			[]string{"Place both palms", "Put your fingertips"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import([]byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Steps {
				got = append(got, s.Text)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d steps, want %d: %q", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("step %d is %q, want it to open with %q", i+1, got[i], w)
				}
			}
		})
	}
}

// TestNumberedGerundHeadings: a numbered line that names its move with a
// gerund, over the paragraph that gives it ("2. Wringing the thigh"), is a
// heading, not a move of its own; and the way back of a stroke ("…, and
// return down the side of the leg") belongs to the stroke.
func TestNumberedGerundHeadings(t *testing.T) {
	in := `Leg rub for a partner

1. Long strokes

Kneel by the feet. Glide both palms up the back of the leg from the ankle to the top of the thigh. Part the hands at the top and return down the sides of the leg. Do it three times.

2. Wringing the thigh

Push one hand away and pull the other towards you across the back of the thigh, working up to the hip and down again, for a minute.

3. Pressing the calf

Press the heel of your hand slowly up the middle of the calf, five times.
`
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Steps {
		got = append(got, s.Text)
	}
	if len(res.Steps) != 3 {
		t.Fatalf("steps: %d, want 3 (the glide with its way back, the wringing, the pressing):\n%s", len(res.Steps), strings.Join(got, "\n"))
	}
	for i, want := range []string{"Glide both palms", "Push one hand away", "Press the heel"} {
		if !strings.Contains(res.Steps[i].Text, want) {
			t.Errorf("step %d: %q, want it to hold %q", i+1, res.Steps[i].Text, want)
		}
	}
}

// TestApplyPressure: "apply pressure" to a place, or opening its item as
// you press, is a move; after a move, "apply light pressure as you glide"
// is that move's pressure.
func TestApplyPressure(t *testing.T) {
	for _, c := range []struct {
		in    string
		steps int
	}{
		{"STEP 1: Put your fingertips on your forehead.\n\nSTEP 2: Apply firm pressure as you press the forehead, then release.\n\nSTEP 3: At the crown, apply pressure to your head for a few breaths.\n", 2},
		{"Spread the cream over the hand with gentle upward strokes from the fingers to the wrist. Apply light pressure as you glide over the palm. Do this six times.\n", 1},
	} {
		res, err := Import([]byte(c.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != c.steps {
			var got []string
			for _, s := range res.Steps {
				got = append(got, s.Text)
			}
			t.Errorf("%q: %d steps, want %d:\n%s", c.in, len(res.Steps), c.steps, strings.Join(got, "\n"))
		}
	}
}

// "Repeat step 1" plays again the item numbered 1, on its place, though a
// step found before the list puts the counts apart.
func TestReplayNamesTheTextsNumbering(t *testing.T) {
	in := "Warm up first: glide over the forearm from the wrist to the elbow, six times.\n\n1. Knead the upper arm slowly for a minute.\n2. Squeeze each finger from base to tip.\n3. Repeat step 1.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 4 {
		t.Fatalf("%d steps, want 4", len(res.Steps))
	}
	if got := res.Steps[3]; got.Area != "upper-arms" || got.Motion != res.Steps[1].Motion {
		t.Errorf("the replay works the %s with %q, want the upper arms with %q", got.Area, got.Motion, res.Steps[1].Motion)
	}
}

// TestShortLinesRunIsAList: three short lines or more with no full stops
// and no blank line between are sentences of a list, so the cautions
// among them warn; one such line over text is still a heading.
func TestShortLinesRunIsAList(t *testing.T) {
	res, err := Import([]byte("Calf rub\n\nKnead the calf with both hands for a minute.\n\nDon't massage areas of pain or broken skin\nSupport body parts with pillows\nDon't press on bony areas\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Text)
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "Don't massage") || !strings.HasPrefix(got[1], "Don't press") {
		t.Errorf("warnings %q, want the two don'ts of the list", got)
	}
}

// TestTaggedQuestionIsNoStep: a decision chart's question behind a tag
// ("[START] Has your partner …?") asks; it is no move.
func TestTaggedQuestionIsNoStep(t *testing.T) {
	in := "CALF RUB - DECISION CHART\nClub first-aid box. Follow the arrows; each box tells you where to go next.\n\n" +
		"[START] Has your partner just finished a hard run or race?\n   YES -> go to BOX 1\n   NO  -> go to BOX 2\n\n" +
		"BOX 1: Wait. Let them cool down and walk about for 10 minutes first. Then go to BOX 2.\n\n" +
		"BOX 2: Knead the calf with both hands for a minute.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range res.Steps {
		if strings.HasPrefix(st.Text, "[START]") {
			t.Errorf("the chart's question is a step: %q", st.Text)
		}
	}
}

// TestConditionThatOffersIsNoCautionLead: "If wrist pain is …, try one of
// these ways:" leads into moves, not into cautions; "If you have any of
// these, stop and call us:" leads into cautions.
func TestConditionThatOffersIsNoCautionLead(t *testing.T) {
	in := "Sore wrists\n\nIf wrist pain is interfering with your day, take five minutes and try one of these ways:\n\n" +
		"1- Forearm rub. Stroke the forearm from the wrist to the elbow with the opposite palm, 10 times.\n\n" +
		"2- Palm massage. Press your left thumb into the base of your right palm in small circles for a minute.\n\n" +
		"If you have any of these, stop and call us:\n\n- numbness in the fingers\n- a swollen, hot wrist\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 {
		t.Errorf("%d steps, want the forearm rub and the palm massage", len(res.Steps))
	}
	var got []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Text, "Stroke") || strings.Contains(w.Text, "Press") {
			t.Errorf("a move under the condition is read as a warning: %q", w.Text)
		}
		got = append(got, w.Text)
	}
	if n := len(got); n < 2 || !strings.Contains(got[n-2], "numbness") || !strings.Contains(got[n-1], "swollen") {
		t.Errorf("warnings %q, want the two items under \"stop and call us\" among them", got)
	}
}

// TestLeadIsTheLastLinesLastSentence: a lead-in line under a line of its
// own is read by its last sentence, so a "don't" earlier in that line
// ("Dad, don't tell.") does not make the steps under it cautions; a lead
// whose last sentence warns still leads in cautions.
func TestLeadIsTheLastLinesLastSentence(t *testing.T) {
	for _, c := range []struct {
		lead      string
		steps     int
		itemsWarn bool
	}{
		{"Dad, a present for Mum, don't tell. She comes home sore, so here is what the physio showed us in class:", 3, false},
		{"Notes from the class, so I do them at home. Do not do the rub and phone the clinic if you have:", 0, true},
	} {
		in := "Grout float, 100 x 240 mm\n\nOn the back of the tag, from Tobi to her dad\n" + c.lead + "\n" +
			"• Stroke up the back of her thigh from knee to hip, 10 times.\n" +
			"• Knead the outer thigh with both hands for a minute.\n" +
			"• Rest both palms on the thighs for thirty seconds.\n"
		if c.itemsWarn {
			in = "Thigh rub\n\n1. Stroke up the thigh from knee to hip, 10 times.\n\nOn the back of the tag, from Tobi to her dad\n" + c.lead + "\n" +
				"• a swollen or hot calf\n• a fever\n• a recent operation on the leg\n"
		}
		res, err := Import([]byte(in), Options{})
		if err != nil {
			t.Fatalf("%q: %v", c.lead, err)
		}
		led := len(warningsLed(res, ""))
		if !c.itemsWarn && (len(res.Steps) != c.steps || led > 0) {
			t.Errorf("%q: %d steps and %d warnings under the lead, want %d steps and none", c.lead, len(res.Steps), led, c.steps)
		}
		if c.itemsWarn && led != 3 {
			t.Errorf("%q: %d warnings under the lead, want the 3 items", c.lead, led)
		}
	}
}

// warningsLed gives the texts of the warnings said with a lead-in: with
// lead itself, or with any lead-in when lead is "".
func warningsLed(res *Result, lead string) []string {
	var out []string
	for _, w := range res.Warnings {
		if w.Lead != "" && (lead == "" || w.Lead == lead) {
			out = append(out, w.Text)
		}
	}
	return out
}

// TestSkipLeadIn: a line that says to leave the massage out ("Give this a
// miss if:") leads in cautions, one for each item under it.
func TestSkipLeadIn(t *testing.T) {
	for _, lead := range []string{"Give this a miss if:", "Leave the hand rub out when:", "Hold off if:"} {
		in := "Your own hands\n\n" + lead + "\n* a rope burn has broken the skin\n* your wrist is swollen\n\n" +
			"1. Rub the forearm from wrist to elbow with the other palm, 5 strokes.\n2. Press your thumb into the palm and circle for 30 seconds.\n"
		res, err := Import([]byte(in), Options{})
		if err != nil {
			t.Fatalf("%q: %v", lead, err)
		}
		led := len(warningsLed(res, lead))
		if led != 2 || len(res.Steps) != 2 {
			t.Errorf("%q: %d warnings under it and %d steps, want 2 and 2 (warnings %+v)", lead, led, len(res.Steps), res.Warnings)
		}
	}
}

// TestConditionListEndsAtAMove: the conditions a lead-in gives ("Not for
// a foot that:") end at the first item that is a hands-on move, blank
// line or not: the moves after them are steps, not cautions.
func TestConditionListEndsAtAMove(t *testing.T) {
	in := "Feet after the shift\n\nNot for a foot that:\n- has a blister or a cut\n- is swollen, hot or red\n\n" +
		"A. Wrap both hands round the foot and slide them firmly from the toes to the ankle, 5 times.\n" +
		"B. Knead round the ankle bones with your fingertips in small circles.\n" +
		"C. Swap to the other foot and do A and B again.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 3 {
		t.Errorf("%d steps, want 3", len(res.Steps))
	}
	if led := warningsLed(res, ""); len(led) != 2 {
		t.Errorf("warnings under the lead-in %q, want the two conditions", led)
	}
	for _, st := range res.Steps {
		if strings.HasPrefix(st.Section, "Not for") {
			t.Errorf("step %d is named for the lead-in of the cautions: %q", st.N, st.Section)
		}
	}
}
