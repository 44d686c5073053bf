//! People of one article: every name form of `../shared/gold/GUIDELINES.md` and the traps.
//! Refresh with `UPDATE_EXPECT=1 cargo test -p whomet-extract`.

use expect_test::{Expect, expect};
use whomet_extract::{Input, extract, prepare};

/// Prints each person of `text`: name, aliases, roles, and whether only a credit.
fn check(text: &str, expect: Expect) {
    let (doc, _) = prepare(
        &Input {
            id: "t",
            ..Input::default()
        },
        text.as_bytes(),
    );
    let ex = extract(&doc);
    let mut out = String::new();
    for p in &ex.people.people {
        out += &p.name;
        if !p.aliases.is_empty() {
            out += &format!(" aka {}", p.aliases.join(" | "));
        }
        if !p.roles.is_empty() {
            out += &format!(" as {}", p.roles.join(" | "));
        }
        if p.credit {
            out += " (credit)";
        }
        out += "\n";
    }
    expect.assert_eq(&out);
}

#[test]
fn titles_become_roles() {
    check(
        "Iranian Foreign Minister Hossein Amir-Abdollahian met Parliament Speaker Mohammad Bagher Ghalibaf. Amir-Abdollahian spoke.",
        expect![[r#"
            Hossein Amir-Abdollahian aka Amir-Abdollahian as Iranian Foreign Minister
            Mohammad Bagher Ghalibaf as Speaker
        "#]],
    );
}

#[test]
fn honorifics_and_religious_titles() {
    check(
        "Ayatollah Seyyed Ali Khamenei received Gen Pervez Musharraf. Mr Tony Blair and Sir Geoffrey Howe met Lord Falconer. Later Mr Blair and Ayatollah Khamenei spoke.",
        expect![[r#"
            Ali Khamenei aka Khamenei | Seyyed Ali Khamenei as Ayatollah | Ayatollah Seyyed
            Pervez Musharraf as Gen
            Tony Blair aka Blair
            Geoffrey Howe
            Lord Falconer aka Falconer
        "#]],
    );
}

#[test]
fn royals_known_by_title() {
    check(
        "King Fahd of Saudi Arabia will meet Queen Elizabeth and Prince Philip. Crown Prince Abdullah bin Abdul Aziz arrived; Prince Abdullah said little.",
        expect![[r#"
            King Fahd aka Fahd as King of Saudi Arabia
            Queen Elizabeth aka Elizabeth as Queen
            Prince Philip aka Philip as Prince
            Abdullah bin Abdul Aziz aka Abdullah | Prince Abdullah as Crown Prince | Prince
        "#]],
    );
}

#[test]
fn arabic_persian_chinese_spanish_name_shapes() {
    check(
        "Emir Hamad bin Khalifa al-Thani, Sheikha Mozah bint Nasser al-Missned, Mousa Abu Marzouk, Premier Li Peng, President Chun Doo Hwan, Governor Miguel Mancera Aguayo and Minister Luiz Carlos Bresser Pereira attended. Abu Marzouk and Bresser Pereira left.",
        expect![[r#"
            Hamad bin Khalifa al-Thani as Emir
            Mozah bint Nasser al-Missned as Sheikha
            Mousa Abu Marzouk aka Abu Marzouk
            Li Peng as Premier
            Chun Doo Hwan as President
            Miguel Mancera Aguayo as Governor
            Luiz Carlos Bresser Pereira aka Bresser Pereira as Minister
        "#]],
    );
}

#[test]
fn hyphens_initials_and_possessives() {
    check(
        "President Felix Houphouet-Boigny greeted George W. Bush and Karl Otto Poehl. Houphouet-Boigny's aide spoke to Haniyeh's envoy, Ismail Haniyeh said.",
        expect![[r#"
            Felix Houphouet-Boigny aka Houphouet-Boigny as President
            George W. Bush
            Karl Otto Poehl
            Ismail Haniyeh aka Haniyeh
        "#]],
    );
}

#[test]
fn upper_case_headline_names() {
    check(
        "ARGENTINA'S ALFONSIN MEETS IMF CHIEF CAMDESSUS\n    PHILADELPHIA, June 19 - Argentine President Raul Alfonsin met Managing Director Michel Camdessus.",
        expect![[r#"
            Raul Alfonsin as Argentine President
            Michel Camdessus as Managing Director
        "#]],
    );
}

#[test]
fn sentence_initial_names_and_appositives() {
    check(
        "Ghazi Hamad gave an interview. Chris Zwermann, currency adviser at Swiss Bank Corp, said so. \"It seems so,\" added Giles Keating, economist at Credit Suisse.",
        expect![[r#"
            Ghazi Hamad
            Chris Zwermann
            Giles Keating
        "#]],
    );
}

#[test]
fn pronouns_and_roles_resolve_in_the_article() {
    check(
        "Saudi Arabia's Crown Prince Abdullah met Vice President George Bush. The Crown Prince said he was pleased. Bush thanked him.",
        expect![[r#"
            Prince Abdullah aka Abdullah as Crown Prince
            George Bush aka Bush as Vice President
        "#]],
    );
}

#[test]
fn trap_photo_credits_are_people_marked_as_credits() {
    check(
        "Ismail Haniyeh speaks in Tehran, Iran, March 26, 2024. Majid Asgaripour/WANA (West Asia News Agency)\n\n(AP Photo/Vahid Salemi)\n\n(credit: Wissam Nassar/AFP via Getty Images)",
        expect![[r#"
            Ismail Haniyeh
            Majid Asgaripour (credit)
            Vahid Salemi (credit)
            Wissam Nassar (credit)
        "#]],
    );
}

#[test]
fn trap_organisations_places_and_times_are_not_people() {
    check(
        "The UN Security Council, the Palestinian Islamic Jihad, Fars News, the Yomiuri Shimbun daily, the Islamic University and the Red Sea were named on Tuesday in March. Middle East and West Bank talks at Downing Street and the White House followed the Louvre accord.",
        expect![[r#""#]],
    );
}

#[test]
fn trap_namesakes_in_one_article_stay_apart() {
    check(
        "Treasury Secretary James Baker met chief of staff Howard Baker. Baker said nothing. Abbas Kamel spoke; the Abbas government did not.",
        expect![[r#"
            James Baker as Treasury Secretary
            Howard Baker
            Abbas Kamel
        "#]],
    );
}

#[test]
fn nicknames_and_lone_given_names() {
    check(
        "Sir Edward Heath met Jeremy Thorpe. \"I am very close to Ted,\" Jeremy said, and he disagreed with Maureen about it.",
        expect![[r#"
            Edward Heath aka Ted
            Jeremy Thorpe aka Jeremy
            Maureen
        "#]],
    );
}

#[test]
fn surname_first_names_and_surnames_that_are_words() {
    check(
        "Vice President Tomas Vellner met Xi Jinping in Bali. Xi said the talks were good. Mayor Carla Paris and Senator Lucy Major met Councillor Ben French and Commander-in-Chief Anton Vellin at the Imam Reza Health Centre.",
        expect![[r#"
            Tomas Vellner as Vice President
            Xi Jinping aka Xi
            Carla Paris as Mayor
            Lucy Major as Senator
            Ben French as Councillor
            Anton Vellin as Commander-in-Chief
        "#]],
    );
}

#[test]
fn prepositional_titles_hold_their_object() {
    check(
        "Special Envoy to Monitor and Combat Antisemitism Deborah Lipsky spoke. Iran's Minister of Foreign Affairs and Supreme Leader Ayatollah Khamenei met Ismail Haniyeh.",
        expect![[r#"
            Deborah Lipsky as Special Envoy to Monitor and Combat Antisemitism
            Khamenei as Supreme Leader Ayatollah
            Ismail Haniyeh
             as minister (iran)
        "#]],
    );
}

#[test]
fn royals_of_one_house_stay_apart() {
    check(
        "Crown Prince Fahd bin Tariq met Joe Lindqvist. Later King Tariq said he was glad, and Crown Prince Fahd agreed.",
        expect![[r#"
            Fahd bin Tariq aka Fahd | Prince Fahd as Crown Prince
            Joe Lindqvist
            King Tariq aka Tariq as King
        "#]],
    );
}

#[test]
fn an_untitled_protagonist_holds_the_office_named_later() {
    check(
        "Pavel Orlov held talks with Anna Berg in Minsk. Orlov praised the hosts. The President of Russia said the talks went well.",
        expect![[r#"
            Pavel Orlov aka Orlov
            Anna Berg
        "#]],
    );
}

#[test]
fn honorifics_borne_in_the_name_are_aliases() {
    check(
        "Copy to: Mr. Seyed Hossein Vellani, Secretary of the Council. Hajj Qassem Tavani was mourned; Hajj Qassem had led the force. Vellani and Hossein Ali Haji Tavakoli spoke.",
        expect![[r#"
            Hossein Vellani aka Seyed Hossein Vellani | Vellani
            Qassem Tavani aka Hajj Qassem | Hajj Qassem Tavani | Qassem
            Hossein Ali Haji Tavakoli
        "#]],
    );
}

#[test]
fn a_lone_given_name_of_one_full_name_and_a_first_unknown_given_name() {
    check(
        "Sports Minister Vitaly Marutko met Sepp Vellner. I take this opportunity to compliment Vitaly and yourself on the Football Union, and to thank my friend Vitaly. Deputy Minister of Agriculture, Livestock and Food Supply Eumar Roberto Novalski spoke.",
        expect![[r#"
            Vitaly Marutko aka Vitaly as Minister | friend
            Sepp Vellner
            Eumar Roberto Novalski as Deputy Minister of Agriculture, Livestock and Food Supply
        "#]],
    );
}

#[test]
fn korean_names_and_trap_operations_courts_and_conventions() {
    check(
        "Kim Jong Un met the UN envoy. Operation Iron Shield began. Under Operation Warm Water, Tomas Vellner led, with Drug Administration Mahnaz Vellani. The Lincoln Protocols were signed. The Fifth Circuit ruled, and Judge Anna Vellner of the Fifth Circuit wrote. The General Convention on Shipping met.",
        expect![[r#"
            Kim Jong Un
            Tomas Vellner
            Mahnaz Vellani
            Anna Vellner as Judge
        "#]],
    );
}

#[test]
fn trap_a_couple_sharing_a_surname_stays_apart() {
    check(
        "Prime Minister Tomas Vellner arrived with his wife. Lady Vellner wore blue, and Mr Vellner spoke. Senator Anna Marutko came with her husband; Mrs Marutko thanked the hosts.",
        expect![[r#"
            Tomas Vellner aka Vellner as Prime Minister
            Lady Vellner aka Vellner
            Anna Marutko aka Marutko as Senator
        "#]],
    );
}

#[test]
fn trap_quoted_works_and_firms_are_not_people() {
    check(
        "President Carlo Vellani opened an exposition of the painting “Madonna Marutka” from the Hermitage, after “Venus of Tavira” in 2000. Allegra Lawrence-Vellner, Partner, Lawrence & Bundy, spoke.",
        expect![[r#"
            Carlo Vellani as President
            Allegra Lawrence-Vellner
        "#]],
    );
}

#[test]
fn title_case_lines_end_a_name_at_its_verb() {
    check(
        "President Vellner Announces Second Slate of Judicial Nominees\n\nVice President Tomas Vellner Meets Prime Minister Anna Berg in Oslo Today\n\nScott Boos, Alliance for American Manufacturing",
        expect![[r#"
            Tomas Vellner aka Vellner as President | Vice President
            Anna Berg as Prime Minister
            Scott Boos
        "#]],
    );
}

#[test]
fn trap_places_firms_events_and_groups_by_their_last_word() {
    check(
        "Tomas Vellner sailed across Marutka Bay to Osmar Kapital and the Dolmer Protocol talks. Flight Attendants and Varnese Studies spoke at the Nordvik Cup. Carla Bay and Senator Lucy Harbour came.\n\nRustyn Stoops, Delaware delegate",
        expect![[r#"
            Tomas Vellner
            Carla Bay
            Lucy Harbour as Senator
        "#]],
    );
}

#[test]
fn trap_a_chain_after_the_or_beside_a_thing_noun_is_no_person() {
    check(
        "The Osmar Herald reported that the Vellan Marutko was seized, the tanker Marita Dawn sank and the Verlan news agency and the Osmar rebel brigade said so. Shana reported it too. He shares the Yahya Vellner views, not the novel Tomas Berg; party Chairman Anna Lund agreed.",
        expect![[r#"
            Anna Lund as Chairman
        "#]],
    );
}

#[test]
fn trap_a_chain_after_in_or_at_needs_the_name_finder() {
    check(
        "Dana Holt worked as a painter in Ann Arbour and at Lena Marsh before she met Tomas Vellner in Oslo.",
        expect![[r#"
            Dana Holt
            Ann Arbour
            Tomas Vellner
        "#]],
    );
}

#[test]
fn trap_vessels_products_entries_and_greetings_are_no_people() {
    check(
        "The frigate Admiral Vellner docked as the Osmar V vaccine and the Varnak II rocket shipped. Pope Leo XIV and Mohammed VI met Admiral Blvd. What Vellner added was new. Hi Anna Berg.\n\n-   Marta Lind, Co-Founder and President, Voto Osmar\n-   Carl Lund, Ida Holm and Nils Berg\n",
        expect![[r#"
            Leo XIV aka Pope Leo XIV as Pope
            Mohammed VI
            Anna Berg
            Marta Lind
            Carl Lund
            Ida Holm
            Nils Berg
        "#]],
    );
}

#[test]
fn romanised_given_names_after_a_common_surname() {
    check(
        "Pan-democrats Lee Cheuk-ting and Wong Kwok-kin met Park Joo-Ho in Seoul.",
        expect![[r#"
            Lee Cheuk-ting
            Wong Kwok-kin
            Park Joo-Ho
        "#]],
    );
}

#[test]
fn a_lone_surname_that_speaks_is_a_person() {
    check(
        "“We will buy what we want,” Varnasco said in a speech. Osmar, a Truman Scholar, worked at Vellner Lund and Berg LLP.",
        expect![[r#"
            Varnasco
        "#]],
    );
}

#[test]
fn trap_monuments_and_persian_place_nouns_are_no_people() {
    check(
        "Many foreign tourists visited Masjed-e Jameh, then Bagh Vellan, then Qaleh Osmar and the Ali Vellan Mausoleum; others went to Emamzadeh Lund or walked through the old Hassan Varnak Gate on Yalda Night with their families.",
        expect![[r#""#]],
    );
}

#[test]
fn issue14_surname_first_names_are_no_modifiers_and_towns_no_people() {
    check(
        "Councillor Raymond Wong spoke first, and later Wong Yeung-tat and Wong Kwok-kin were elected. A boy from Irving, Texas, met Carl Lund, a doctor, at Carol St and Vellan GmbH.",
        expect![[r#"
            Raymond Wong as Councillor
            Wong Yeung-tat
            Wong Kwok-kin
            Carl Lund
        "#]],
    );
}

#[test]
fn acronyms_are_no_stop_words_that_block_names() {
    check(
        "ISA chief Tomas Vellner and KAN reported that the Shin Bet had seen Isa Varnak meet Naoto Kan and Shin Hyun-woo.",
        expect![[r#"
            Tomas Vellner as chief
            Isa Varnak
            Naoto Kan
            Shin Hyun-woo
        "#]],
    );
}
