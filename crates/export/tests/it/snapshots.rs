//! Snapshots of every format (`UPDATE_EXPECT=1 cargo test -p whomet-export` refreshes them).

use crate::{files, fixture};
use expect_test::{Expect, expect};
use whomet_export::Format;
use whomet_graph::Graph;

/// Renders `format` from `graph` and compares all its files, each under a `==> name <==` line,
/// with `expect`. Control characters other than newline are shown as `⟨U+XXXX⟩`.
fn check(format: Format, graph: &Graph, expect: Expect) {
    let mut actual = String::new();
    for (name, text) in files(format, graph) {
        actual.push_str(&format!("==> {name} <==\n"));
        for c in text.chars() {
            match c {
                '\n' => actual.push(c),
                c if c.is_control() || c == '\u{FFFF}' => {
                    actual.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)))
                }
                c => actual.push(c),
            }
        }
    }
    expect.assert_eq(&actual);
}

#[test]
fn graphml() {
    check(
        Format::GraphMl,
        &fixture(),
        expect![[r#"
            ==> graph.graphml <==
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
              <key id="roles" for="node" attr.name="roles" attr.type="string"/>
              <key id="n_type" for="node" attr.name="type" attr.type="string"/>
              <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
              <key id="n_documents" for="node" attr.name="documents" attr.type="int"/>
              <key id="credit" for="node" attr.name="credit" attr.type="boolean"/>
              <key id="n_place" for="node" attr.name="place" attr.type="string"/>
              <key id="n_country" for="node" attr.name="country" attr.type="string"/>
              <key id="lat" for="node" attr.name="lat" attr.type="double"/>
              <key id="lng" for="node" attr.name="lng" attr.type="double"/>
              <key id="e_type" for="edge" attr.name="type" attr.type="string"/>
              <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
              <key id="evidence" for="edge" attr.name="evidence" attr.type="int"/>
              <key id="e_documents" for="edge" attr.name="documents" attr.type="string"/>
              <key id="first_date" for="edge" attr.name="first_date" attr.type="string"/>
              <key id="last_date" for="edge" attr.name="last_date" attr.type="string"/>
              <key id="places" for="edge" attr.name="places" attr.type="string"/>
              <key id="edge_id" for="edge" attr.name="edge_id" attr.type="string"/>
              <key id="articles" for="edge" attr.name="articles" attr.type="int"/>
              <key id="sources" for="edge" attr.name="sources" attr.type="int"/>
              <key id="e_place" for="edge" attr.name="place" attr.type="string"/>
              <key id="e_country" for="edge" attr.name="country" attr.type="string"/>
              <key id="e_lat" for="edge" attr.name="lat" attr.type="double"/>
              <key id="e_lng" for="edge" attr.name="lng" attr.type="double"/>
              <graph id="whomet" edgedefault="undirected">
                <node id="amir-abdollahian">
                  <data key="label">Hossein Amir-Abdollahian</data>
                  <data key="aliases">Amir-Abdollahian; حسین امیرعبداللهیان</data>
                  <data key="roles">Foreign Minister</data>
                  <data key="n_type">PERSON</data>
                  <data key="mentions">5</data>
                  <data key="n_documents">2</data>
                  <data key="credit">false</data>
                  <data key="n_place">Doha</data>
                  <data key="n_country">QA</data>
                  <data key="lat">25.28545</data>
                  <data key="lng">51.53096</data>
                </node>
                <node id="bob">
                  <data key="label">Bob &quot;The Builder&quot; O&apos;Neil &lt;Ltd&gt; &amp; Co\Sons</data>
                  <data key="aliases">+Bobby; -Bob; =HYPERLINK(&quot;http://x&quot;); @bob; Bob&#10;Newline; Bob&#9;Tab; Bob, Jr.</data>
                  <data key="roles">C:\new\table; owner, builder</data>
                  <data key="n_type">PERSON</data>
                  <data key="mentions">5</data>
                  <data key="n_documents">2</data>
                  <data key="credit">false</data>
                </node>
                <node id="ismail-haniyeh">
                  <data key="label">إسماعيل هنية</data>
                  <data key="aliases">&apos;Abu al-Abed; Haniyeh; Ismail Haniyeh 🕊️</data>
                  <data key="roles">head of Hamas&apos;s political bureau</data>
                  <data key="n_type">PERSON</data>
                  <data key="mentions">7</data>
                  <data key="n_documents">3</data>
                  <data key="credit">false</data>
                  <data key="n_place">Doha</data>
                  <data key="n_country">QA</data>
                  <data key="lat">25.28545</data>
                  <data key="lng">51.53096</data>
                </node>
                <node id="zed">
                  <data key="label">Zed&#13;&#10;Ctrl��&#9;End &amp;#1;</data>
                  <data key="aliases"></data>
                  <data key="roles"></data>
                  <data key="n_type">PERSON</data>
                  <data key="mentions">3</data>
                  <data key="n_documents">1</data>
                  <data key="credit">false</data>
                </node>
                <edge id="e0" source="amir-abdollahian" target="bob">
                  <data key="e_type">CONTACT</data>
                  <data key="confidence">0.6</data>
                  <data key="weight">0.6</data>
                  <data key="evidence">1</data>
                  <data key="e_documents">a2</data>
                  <data key="first_date"></data>
                  <data key="last_date"></data>
                  <data key="places"></data>
                  <data key="edge_id">e0</data>
                  <data key="articles">1</data>
                  <data key="sources">1</data>
                </edge>
                <edge id="e1" source="amir-abdollahian" target="ismail-haniyeh">
                  <data key="e_type">MET</data>
                  <data key="confidence">0.97</data>
                  <data key="weight">1.6</data>
                  <data key="evidence">2</data>
                  <data key="e_documents">a1; a2</data>
                  <data key="first_date">2024-03</data>
                  <data key="last_date">2024-03-26</data>
                  <data key="places">Doha; Tehran</data>
                  <data key="edge_id">e1</data>
                  <data key="articles">3</data>
                  <data key="sources">2</data>
                  <data key="e_place">Doha</data>
                  <data key="e_country">QA</data>
                  <data key="e_lat">25.28545</data>
                  <data key="e_lng">51.53096</data>
                </edge>
                <edge id="e2" source="amir-abdollahian" target="ismail-haniyeh">
                  <data key="e_type">PLANNED</data>
                  <data key="confidence">0.5</data>
                  <data key="weight">0.5</data>
                  <data key="evidence">1</data>
                  <data key="e_documents">a1</data>
                  <data key="first_date">2024</data>
                  <data key="last_date">2024</data>
                  <data key="places">@Home</data>
                  <data key="edge_id">e2</data>
                  <data key="articles">2</data>
                  <data key="sources">2</data>
                </edge>
                <edge id="e3" source="bob" target="ismail-haniyeh">
                  <data key="e_type">MET</data>
                  <data key="confidence">0.25</data>
                  <data key="weight">0.25</data>
                  <data key="evidence">1</data>
                  <data key="e_documents">-doc3</data>
                  <data key="first_date"></data>
                  <data key="last_date"></data>
                  <data key="places">+Gaza, Rafah</data>
                  <data key="edge_id">e3</data>
                  <data key="articles">1</data>
                  <data key="sources">0</data>
                </edge>
              </graph>
            </graphml>
        "#]],
    );
}

#[test]
fn dot() {
    check(
        Format::Dot,
        &fixture(),
        expect![[r##"
            ==> graph.dot <==
            graph whomet {
              graph[label="whomet: 4 people" labelloc=t fontsize=20.00 outputorder=edgesfirst]
              "amir-abdollahian"[label="Hossein Amir-Abdollahian" tooltip="Hossein Amir-Abdollahian\naliases: Amir-Abdollahian; حسین امیرعبداللهیان\nroles: Foreign Minister\nmentions: 5, documents: 2" width=1.18 fontsize=17.46 pos="60.0,106.4" style=filled fillcolor="#c7dded" color="#1f77b4"]
              "bob"[label="Bob \"The Builder\" O'Neil <Ltd> &amp; Co\\Sons" tooltip="Bob \"The Builder\" O'Neil <Ltd> &amp; Co\\Sons\naliases: +Bobby; -Bob; =HYPERLINK(\"http://x\"); @bob; Bob\nNewline; Bob Tab; Bob; Jr.\nroles: C:\\new\\table; owner; builder\nmentions: 5, documents: 2" width=1.10 fontsize=16.83 pos="141.4,147.7" style=filled fillcolor="#c7dded" color="#1f77b4"]
              "ismail-haniyeh"[label="إسماعيل هنية" tooltip="إسماعيل هنية\naliases: 'Abu al-Abed; Haniyeh; Ismail Haniyeh 🕊️\nroles: head of Hamas's political bureau\nmentions: 7, documents: 3" width=1.18 fontsize=17.46 pos="116.1,60.0" style=filled fillcolor="#c7dded" color="#1f77b4"]
              "zed"[label="Zed\nCtrl�� End &amp;#1;" tooltip="Zed\nCtrl�� End &amp;#1;\naliases: none\nroles: none\nmentions: 3, documents: 1" width=0.75 fontsize=14.00 pos="380.0,104.7" color=gray60 fontcolor=gray40]
              "amir-abdollahian" -- "bob" [style=dashed color=royalblue penwidth=2.48 tooltip="Hossein Amir-Abdollahian CONTACT Bob \"The Builder\" O'Neil <Ltd> &amp; Co\\Sons\ndate: unknown\nplaces: unknown\nevidence: 1, documents: 1"]
              "amir-abdollahian" -- "ismail-haniyeh" [style=solid color=black penwidth=5.67 tooltip="Hossein Amir-Abdollahian MET إسماعيل هنية\ndate: 2024-03 to 2024-03-26\nplaces: Doha; Tehran\nevidence: 2, documents: 2"]
              "amir-abdollahian" -- "ismail-haniyeh" [style=dotted color=darkorange penwidth=1.88 tooltip="Hossein Amir-Abdollahian PLANNED إسماعيل هنية\ndate: 2024\nplaces: @Home\nevidence: 1, documents: 1"]
              "bob" -- "ismail-haniyeh" [style=solid color=black penwidth=0.84 tooltip="Bob \"The Builder\" O'Neil <Ltd> &amp; Co\\Sons MET إسماعيل هنية\ndate: unknown\nplaces: +Gaza; Rafah\nevidence: 1, documents: 1"]
            }
        "##]],
    );
}

#[test]
fn neo4j_csv() {
    check(
        Format::Neo4jCsv,
        &fixture(),
        expect![[r#"
            ==> nodes.csv <==
            personId:ID(Person),name,aliases:string[],roles:string[],mentions:int,documents:int,credit:boolean,place,country,lat:float,lng:float,:LABEL
            amir-abdollahian,Hossein Amir-Abdollahian,Amir-Abdollahian;حسین امیرعبداللهیان,Foreign Minister,5,2,false,Doha,QA,25.28545,51.53096,Person
            bob,"Bob ""The Builder"" O'Neil <Ltd> & Co\Sons","+Bobby;-Bob;=HYPERLINK(""http://x"");@bob;Bob Newline;Bob Tab;Bob, Jr.","C:\new\table;owner, builder",5,2,false,,,,,Person
            ismail-haniyeh,إسماعيل هنية,'Abu al-Abed;Haniyeh;Ismail Haniyeh 🕊️,head of Hamas's political bureau,7,3,false,Doha,QA,25.28545,51.53096,Person
            zed,Zed  Ctrl⟨U+0001⟩⟨U+FFFF⟩ End &#1;,,,3,1,false,,,,,Person
            ==> relationships.csv <==
            :START_ID(Person),:END_ID(Person),:TYPE,edgeId,confidence:float,weight:float,evidence:int,articles:int,sources:int,documents:string[],first_date:date,last_date:date,first_period,last_period,places:string[],place,country,lat:float,lng:float
            amir-abdollahian,bob,CONTACT,e0,0.6,0.6,1,1,1,a2,,,,,,,,,
            amir-abdollahian,ismail-haniyeh,MET,e1,0.97,1.6,2,3,2,a1;a2,,2024-03-26,2024-03,2024-03-26,Doha;Tehran,Doha,QA,25.28545,51.53096
            amir-abdollahian,ismail-haniyeh,PLANNED,e2,0.5,0.5,1,2,2,a1,,,2024,2024,@Home,,,,
            bob,ismail-haniyeh,MET,e3,0.25,0.25,1,1,0,-doc3,,,,,"+Gaza, Rafah",,,,
            ==> articles.csv <==
            articleId:ID(Article),title,url,source,date:date,copies:int,copy_ids:string[],sources:string[],:LABEL
            -doc3,,,,,1,,,Article
            a1,"Talks in ""Doha"" = peace? A <b>second</b> line & more",https://example.org/a1?x=1&y=<2>,Reuters; Wire,2024-03-26,2,a1-copy,"Reuters, Wire;=cmd",Article
            a2,'Quoted,javascript:alert(1),=cmd,,1,,=cmd,Article
            a3;b,,,,,1,,,Article
            ==> evidence-nodes.csv <==
            evidenceId:ID(Evidence),edgeId,type,sentence,start:int,end:int,trigger,date:date,period,place,country,lat:float,lng:float,confidence:float,cues:string[],:LABEL
            e0.0,e0,CONTACT,"He said ""=1+1"" on the phone.",10,52,=spoke,,,,,,,0.6,,Evidence
            e1.0,e1,MET,Amir-Abdollahian met Haniyeh in Doha.,0,48,met,2024-03-26,2024-03-26,Doha,QA,25.28545,51.53096,0.9,,Evidence
            e1.1,e1,MET,They held talks in Tehran.,100,171,held talks,,2024-03,Tehran,IR,35.69439,51.42151,0.7,,Evidence
            e2.0,e2,PLANNED,They will meet again.,49,90,'will meet,,2024,@Home,,,,0.5,,Evidence
            e3.0,e3,MET,-Bob met إسماعيل هنية 🕊️.,7,30,@met,,,+Gaza; Rafah,,,,0.25,,Evidence
            ==> evidence-articles.csv <==
            :START_ID(Evidence),:END_ID(Article),:TYPE
            e0.0,a2,IN_ARTICLE
            e1.0,a1,IN_ARTICLE
            e1.1,a2,IN_ARTICLE
            e2.0,a1,IN_ARTICLE
            e3.0,-doc3,IN_ARTICLE
            ==> evidence-people.csv <==
            :START_ID(Evidence),:END_ID(Person),:TYPE
            e0.0,amir-abdollahian,INVOLVES
            e0.0,bob,INVOLVES
            e1.0,amir-abdollahian,INVOLVES
            e1.0,ismail-haniyeh,INVOLVES
            e1.1,amir-abdollahian,INVOLVES
            e1.1,ismail-haniyeh,INVOLVES
            e2.0,amir-abdollahian,INVOLVES
            e2.0,ismail-haniyeh,INVOLVES
            e3.0,bob,INVOLVES
            e3.0,ismail-haniyeh,INVOLVES
            ==> article-people.csv <==
            :START_ID(Article),:END_ID(Person),:TYPE
            a1,amir-abdollahian,MENTIONS
            a2,amir-abdollahian,MENTIONS
            -doc3,bob,MENTIONS
            a2,bob,MENTIONS
            -doc3,ismail-haniyeh,MENTIONS
            a1,ismail-haniyeh,MENTIONS
            a2,ismail-haniyeh,MENTIONS
            a3;b,zed,MENTIONS
        "#]],
    );
}

#[test]
fn evidence_csv() {
    check(
        Format::EvidenceCsv,
        &fixture(),
        expect![[r#"
            ==> evidence.csv <==
            source,target,source_name,target_name,type,document,start,end,sentence,trigger,date,place,confidence,article_title,article_url,article_source,article_date,article_copies
            amir-abdollahian,bob,Hossein Amir-Abdollahian,"Bob ""The Builder"" O'Neil <Ltd> & Co\Sons",CONTACT,a2,10,52,"He said ""=1+1"" on the phone.",'=spoke,,,0.6,''Quoted,javascript:alert(1),'=cmd,,1
            amir-abdollahian,ismail-haniyeh,Hossein Amir-Abdollahian,إسماعيل هنية,MET,a1,0,48,Amir-Abdollahian met Haniyeh in Doha.,met,2024-03-26,Doha,0.9,"Talks in ""Doha"" = peace? A <b>second</b> line & more",https://example.org/a1?x=1&y=<2>,Reuters; Wire,2024-03-26,2
            amir-abdollahian,ismail-haniyeh,Hossein Amir-Abdollahian,إسماعيل هنية,MET,a2,100,171,They held talks in Tehran.,held talks,2024-03,Tehran,0.7,''Quoted,javascript:alert(1),'=cmd,,1
            amir-abdollahian,ismail-haniyeh,Hossein Amir-Abdollahian,إسماعيل هنية,PLANNED,a1,49,90,They will meet again.,''will meet,2024,'@Home,0.5,"Talks in ""Doha"" = peace? A <b>second</b> line & more",https://example.org/a1?x=1&y=<2>,Reuters; Wire,2024-03-26,2
            bob,ismail-haniyeh,"Bob ""The Builder"" O'Neil <Ltd> & Co\Sons",إسماعيل هنية,MET,'-doc3,7,30,'-Bob met إسماعيل هنية 🕊️.,'@met,,'+Gaza; Rafah,0.25,,,,,1
        "#]],
    );
}

#[test]
fn empty_graph() {
    let empty = Graph::default();
    check(
        Format::GraphMl,
        &empty,
        expect![[r#"
            ==> graph.graphml <==
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
              <key id="roles" for="node" attr.name="roles" attr.type="string"/>
              <key id="n_type" for="node" attr.name="type" attr.type="string"/>
              <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
              <key id="n_documents" for="node" attr.name="documents" attr.type="int"/>
              <key id="credit" for="node" attr.name="credit" attr.type="boolean"/>
              <key id="n_place" for="node" attr.name="place" attr.type="string"/>
              <key id="n_country" for="node" attr.name="country" attr.type="string"/>
              <key id="lat" for="node" attr.name="lat" attr.type="double"/>
              <key id="lng" for="node" attr.name="lng" attr.type="double"/>
              <key id="e_type" for="edge" attr.name="type" attr.type="string"/>
              <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
              <key id="evidence" for="edge" attr.name="evidence" attr.type="int"/>
              <key id="e_documents" for="edge" attr.name="documents" attr.type="string"/>
              <key id="first_date" for="edge" attr.name="first_date" attr.type="string"/>
              <key id="last_date" for="edge" attr.name="last_date" attr.type="string"/>
              <key id="places" for="edge" attr.name="places" attr.type="string"/>
              <key id="edge_id" for="edge" attr.name="edge_id" attr.type="string"/>
              <key id="articles" for="edge" attr.name="articles" attr.type="int"/>
              <key id="sources" for="edge" attr.name="sources" attr.type="int"/>
              <key id="e_place" for="edge" attr.name="place" attr.type="string"/>
              <key id="e_country" for="edge" attr.name="country" attr.type="string"/>
              <key id="e_lat" for="edge" attr.name="lat" attr.type="double"/>
              <key id="e_lng" for="edge" attr.name="lng" attr.type="double"/>
              <graph id="whomet" edgedefault="undirected">
              </graph>
            </graphml>
        "#]],
    );
    check(
        Format::Dot,
        &empty,
        expect![[r#"
            ==> graph.dot <==
            graph whomet {
              graph[label="whomet: 0 people" labelloc=t fontsize=20.00 outputorder=edgesfirst]
            }
        "#]],
    );
    check(
        Format::Neo4jCsv,
        &empty,
        expect![[r#"
            ==> nodes.csv <==
            personId:ID(Person),name,aliases:string[],roles:string[],mentions:int,documents:int,credit:boolean,place,country,lat:float,lng:float,:LABEL
            ==> relationships.csv <==
            :START_ID(Person),:END_ID(Person),:TYPE,edgeId,confidence:float,weight:float,evidence:int,articles:int,sources:int,documents:string[],first_date:date,last_date:date,first_period,last_period,places:string[],place,country,lat:float,lng:float
            ==> articles.csv <==
            articleId:ID(Article),title,url,source,date:date,copies:int,copy_ids:string[],sources:string[],:LABEL
            ==> evidence-nodes.csv <==
            evidenceId:ID(Evidence),edgeId,type,sentence,start:int,end:int,trigger,date:date,period,place,country,lat:float,lng:float,confidence:float,cues:string[],:LABEL
            ==> evidence-articles.csv <==
            :START_ID(Evidence),:END_ID(Article),:TYPE
            ==> evidence-people.csv <==
            :START_ID(Evidence),:END_ID(Person),:TYPE
            ==> article-people.csv <==
            :START_ID(Article),:END_ID(Person),:TYPE
        "#]],
    );
    check(
        Format::EvidenceCsv,
        &empty,
        expect![[r#"
            ==> evidence.csv <==
            source,target,source_name,target_name,type,document,start,end,sentence,trigger,date,place,confidence,article_title,article_url,article_source,article_date,article_copies
        "#]],
    );
}

#[test]
fn gexf() {
    check(
        Format::Gexf,
        &fixture(),
        expect![[r#"
            ==> graph.gexf <==
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>whomet</creator>
                <description>Who met whom: people, and their meetings (MET), calls (CONTACT) and planned meetings (PLANNED)</description>
              </meta>
              <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
                <attributes class="node" mode="static">
                  <attribute id="aliases" title="aliases" type="liststring"/>
                  <attribute id="roles" title="roles" type="liststring"/>
                  <attribute id="mentions" title="mentions" type="integer"/>
                  <attribute id="documents" title="documents" type="liststring"/>
                  <attribute id="credit" title="credit" type="boolean"/>
                  <attribute id="place" title="place" type="string"/>
                  <attribute id="country" title="country" type="string"/>
                  <attribute id="lat" title="lat" type="double"/>
                  <attribute id="lng" title="lng" type="double"/>
                </attributes>
                <attributes class="edge" mode="static">
                  <attribute id="type" title="type" type="string"/>
                  <attribute id="confidence" title="confidence" type="double"/>
                  <attribute id="evidence" title="evidence" type="integer"/>
                  <attribute id="documents" title="documents" type="liststring"/>
                  <attribute id="places" title="places" type="liststring"/>
                  <attribute id="first_date" title="first_date" type="string"/>
                  <attribute id="last_date" title="last_date" type="string"/>
                  <attribute id="articles" title="articles" type="integer"/>
                  <attribute id="sources" title="sources" type="integer"/>
                  <attribute id="place" title="place" type="string"/>
                  <attribute id="country" title="country" type="string"/>
                  <attribute id="lat" title="lat" type="double"/>
                  <attribute id="lng" title="lng" type="double"/>
                </attributes>
                <nodes count="4">
                  <node id="amir-abdollahian" label="Hossein Amir-Abdollahian">
                    <attvalues>
                      <attvalue for="aliases" value="[&quot;Amir-Abdollahian&quot;, &quot;حسین امیرعبداللهیان&quot;]"/>
                      <attvalue for="roles" value="[&quot;Foreign Minister&quot;]"/>
                      <attvalue for="mentions" value="5"/>
                      <attvalue for="documents" value="[&quot;a1&quot;, &quot;a2&quot;]"/>
                      <attvalue for="credit" value="false"/>
                      <attvalue for="place" value="Doha"/>
                      <attvalue for="country" value="QA"/>
                      <attvalue for="lat" value="25.28545"/>
                      <attvalue for="lng" value="51.53096"/>
                    </attvalues>
                    <viz:color r="31" g="119" b="180"/>
                    <viz:position x="2.93" y="-4.94"/>
                    <viz:size value="7.46"/>
                  </node>
                  <node id="bob" label="Bob &quot;The Builder&quot; O&apos;Neil &lt;Ltd&gt; &amp; Co\Sons">
                    <attvalues>
                      <attvalue for="aliases" value="[&quot;+Bobby&quot;, &quot;-Bob&quot;, &quot;=HYPERLINK(\&quot;http://x\&quot;)&quot;, &quot;@bob&quot;, &quot;Bob&#10;Newline&quot;, &quot;Bob&#9;Tab&quot;, &quot;Bob; Jr.&quot;]"/>
                      <attvalue for="roles" value="[&quot;C:\\new\\table&quot;, &quot;owner; builder&quot;]"/>
                      <attvalue for="mentions" value="5"/>
                      <attvalue for="documents" value="[&quot;-doc3&quot;, &quot;a2&quot;]"/>
                      <attvalue for="credit" value="false"/>
                    </attvalues>
                    <viz:color r="31" g="119" b="180"/>
                    <viz:position x="6.63" y="-3.06"/>
                    <viz:size value="6.83"/>
                  </node>
                  <node id="ismail-haniyeh" label="إسماعيل هنية">
                    <attvalues>
                      <attvalue for="aliases" value="[&quot;&apos;Abu al-Abed&quot;, &quot;Haniyeh&quot;, &quot;Ismail Haniyeh 🕊️&quot;]"/>
                      <attvalue for="roles" value="[&quot;head of Hamas&apos;s political bureau&quot;]"/>
                      <attvalue for="mentions" value="7"/>
                      <attvalue for="documents" value="[&quot;-doc3&quot;, &quot;a1&quot;, &quot;a2&quot;]"/>
                      <attvalue for="credit" value="false"/>
                      <attvalue for="place" value="Doha"/>
                      <attvalue for="country" value="QA"/>
                      <attvalue for="lat" value="25.28545"/>
                      <attvalue for="lng" value="51.53096"/>
                    </attvalues>
                    <viz:color r="31" g="119" b="180"/>
                    <viz:position x="5.49" y="-7.05"/>
                    <viz:size value="7.46"/>
                  </node>
                  <node id="zed" label="Zed&#13;&#10;Ctrl��&#9;End &amp;#1;">
                    <attvalues>
                      <attvalue for="aliases" value="[]"/>
                      <attvalue for="roles" value="[]"/>
                      <attvalue for="mentions" value="3"/>
                      <attvalue for="documents" value="[&quot;a3;b&quot;]"/>
                      <attvalue for="credit" value="false"/>
                    </attvalues>
                    <viz:color r="158" g="158" b="158"/>
                    <viz:position x="17.48" y="-5.02"/>
                    <viz:size value="4"/>
                  </node>
                </nodes>
                <edges count="4">
                  <edge id="e0" source="amir-abdollahian" target="bob" label="CONTACT" kind="CONTACT" weight="0.6">
                    <attvalues>
                      <attvalue for="type" value="CONTACT"/>
                      <attvalue for="confidence" value="0.6"/>
                      <attvalue for="evidence" value="1"/>
                      <attvalue for="documents" value="[&quot;a2&quot;]"/>
                      <attvalue for="places" value="[]"/>
                      <attvalue for="first_date" value=""/>
                      <attvalue for="last_date" value=""/>
                      <attvalue for="articles" value="1"/>
                      <attvalue for="sources" value="1"/>
                    </attvalues>
                  </edge>
                  <edge id="e1" source="amir-abdollahian" target="ismail-haniyeh" label="MET" kind="MET" weight="1.6">
                    <attvalues>
                      <attvalue for="type" value="MET"/>
                      <attvalue for="confidence" value="0.97"/>
                      <attvalue for="evidence" value="2"/>
                      <attvalue for="documents" value="[&quot;a1&quot;, &quot;a2&quot;]"/>
                      <attvalue for="places" value="[&quot;Doha&quot;, &quot;Tehran&quot;]"/>
                      <attvalue for="first_date" value="2024-03"/>
                      <attvalue for="last_date" value="2024-03-26"/>
                      <attvalue for="articles" value="3"/>
                      <attvalue for="sources" value="2"/>
                      <attvalue for="place" value="Doha"/>
                      <attvalue for="country" value="QA"/>
                      <attvalue for="lat" value="25.28545"/>
                      <attvalue for="lng" value="51.53096"/>
                    </attvalues>
                    <spells>
                      <spell start="2024-03-01" end="2024-03-31"/>
                    </spells>
                  </edge>
                  <edge id="e2" source="amir-abdollahian" target="ismail-haniyeh" label="PLANNED" kind="PLANNED" weight="0.5">
                    <attvalues>
                      <attvalue for="type" value="PLANNED"/>
                      <attvalue for="confidence" value="0.5"/>
                      <attvalue for="evidence" value="1"/>
                      <attvalue for="documents" value="[&quot;a1&quot;]"/>
                      <attvalue for="places" value="[&quot;@Home&quot;]"/>
                      <attvalue for="first_date" value="2024"/>
                      <attvalue for="last_date" value="2024"/>
                      <attvalue for="articles" value="2"/>
                      <attvalue for="sources" value="2"/>
                    </attvalues>
                    <spells>
                      <spell start="2024-01-01" end="2024-12-31"/>
                    </spells>
                  </edge>
                  <edge id="e3" source="bob" target="ismail-haniyeh" label="MET" kind="MET" weight="0.25">
                    <attvalues>
                      <attvalue for="type" value="MET"/>
                      <attvalue for="confidence" value="0.25"/>
                      <attvalue for="evidence" value="1"/>
                      <attvalue for="documents" value="[&quot;-doc3&quot;]"/>
                      <attvalue for="places" value="[&quot;+Gaza; Rafah&quot;]"/>
                      <attvalue for="first_date" value=""/>
                      <attvalue for="last_date" value=""/>
                      <attvalue for="articles" value="1"/>
                      <attvalue for="sources" value="0"/>
                    </attvalues>
                  </edge>
                </edges>
              </graph>
            </gexf>
        "#]],
    );
}

#[test]
fn gephi_csv() {
    check(
        Format::GephiCsv,
        &fixture(),
        expect![[r#"
            ==> gephi-nodes.csv <==
            Id,Label,Aliases,Roles,Mentions,Documents
            amir-abdollahian,Hossein Amir-Abdollahian,Amir-Abdollahian; حسین امیرعبداللهیان,Foreign Minister,5,a1; a2
            bob,"Bob ""The Builder"" O'Neil <Ltd> & Co\\Sons","'+Bobby; -Bob; =HYPERLINK(""http://x""); @bob; Bob Newline; Bob Tab; Bob, Jr.","C:\\new\\table; owner, builder",5,'-doc3; a2
            ismail-haniyeh,إسماعيل هنية,''Abu al-Abed; Haniyeh; Ismail Haniyeh 🕊️,head of Hamas's political bureau,7,'-doc3; a1; a2
            zed,Zed  Ctrl⟨U+0001⟩⟨U+FFFF⟩ End &#1;,,,3,"a3,b"
            ==> gephi-edges.csv <==
            Source,Target,Type,Weight,Kind,Confidence,Evidence,Documents,Places,Timeset,Id
            amir-abdollahian,bob,Undirected,0.6,CONTACT,0.6,1,a2,,,e0
            amir-abdollahian,ismail-haniyeh,Undirected,1.6,MET,0.97,2,a1; a2,Doha; Tehran,"<[2024-03-01, 2024-03-31]>",e1
            amir-abdollahian,ismail-haniyeh,Undirected,0.5,PLANNED,0.5,1,a1,'@Home,"<[2024-01-01, 2024-12-31]>",e2
            bob,ismail-haniyeh,Undirected,0.25,MET,0.25,1,'-doc3,"'+Gaza, Rafah",,e3
        "#]],
    );
}

#[test]
fn cypher() {
    check(
        Format::Cypher,
        &fixture(),
        expect![[r#"
            ==> import.cypher <==
            // whomet: 4 people, 2 MET, 1 CONTACT, 1 PLANNED relationships, 4 articles, 5 pieces of evidence.
            // Idempotent: run it again and nothing is duplicated. Relationships point from the id that sorts
            // first; query them without an arrow, and count with count(DISTINCT r). Run: cypher-shell -f import.cypher
            CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.personId IS UNIQUE;
            CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.articleId IS UNIQUE;
            CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.evidenceId IS UNIQUE;
            MERGE (p:Person {personId: 'amir-abdollahian'}) SET p.name = 'Hossein Amir-Abdollahian', p.aliases = ['Amir-Abdollahian', 'حسین امیرعبداللهیان'], p.roles = ['Foreign Minister'], p.mentions = 5, p.documents = 2, p.credit = false, p.place = 'Doha', p.country = 'QA', p.lat = 25.28545, p.lng = 51.53096;
            MERGE (p:Person {personId: 'bob'}) SET p.name = 'Bob "The Builder" O\'Neil <Ltd> & Co\\Sons', p.aliases = ['+Bobby', '-Bob', '=HYPERLINK("http://x")', '@bob', 'Bob
            Newline', 'Bob⟨U+0009⟩Tab', 'Bob; Jr.'], p.roles = ['C:\\new\\table', 'owner; builder'], p.mentions = 5, p.documents = 2, p.credit = false, p.place = null, p.country = null, p.lat = null, p.lng = null;
            MERGE (p:Person {personId: 'ismail-haniyeh'}) SET p.name = 'إسماعيل هنية', p.aliases = ['\'Abu al-Abed', 'Haniyeh', 'Ismail Haniyeh 🕊️'], p.roles = ['head of Hamas\'s political bureau'], p.mentions = 7, p.documents = 3, p.credit = false, p.place = 'Doha', p.country = 'QA', p.lat = 25.28545, p.lng = 51.53096;
            MERGE (p:Person {personId: 'zed'}) SET p.name = 'Zed⟨U+000D⟩
            Ctrl⟨U+0001⟩⟨U+FFFF⟩⟨U+0009⟩End &#1;', p.aliases = [], p.roles = [], p.mentions = 3, p.documents = 1, p.credit = false, p.place = null, p.country = null, p.lat = null, p.lng = null;
            MATCH (a:Person {personId: 'amir-abdollahian'}), (b:Person {personId: 'bob'}) MERGE (a)-[r:CONTACT]->(b) SET r.edgeId = 'e0', r.confidence = 0.6, r.weight = 0.6, r.evidence = 1, r.articles = 1, r.sources = 1, r.documents = ['a2'], r.first_date = null, r.last_date = null, r.first_period = null, r.last_period = null, r.places = [], r.place = null, r.country = null, r.lat = null, r.lng = null;
            MATCH (a:Person {personId: 'amir-abdollahian'}), (b:Person {personId: 'ismail-haniyeh'}) MERGE (a)-[r:MET]->(b) SET r.edgeId = 'e1', r.confidence = 0.97, r.weight = 1.6, r.evidence = 2, r.articles = 3, r.sources = 2, r.documents = ['a1', 'a2'], r.first_date = null, r.last_date = date('2024-03-26'), r.first_period = '2024-03', r.last_period = '2024-03-26', r.places = ['Doha', 'Tehran'], r.place = 'Doha', r.country = 'QA', r.lat = 25.28545, r.lng = 51.53096;
            MATCH (a:Person {personId: 'amir-abdollahian'}), (b:Person {personId: 'ismail-haniyeh'}) MERGE (a)-[r:PLANNED]->(b) SET r.edgeId = 'e2', r.confidence = 0.5, r.weight = 0.5, r.evidence = 1, r.articles = 2, r.sources = 2, r.documents = ['a1'], r.first_date = null, r.last_date = null, r.first_period = '2024', r.last_period = '2024', r.places = ['@Home'], r.place = null, r.country = null, r.lat = null, r.lng = null;
            MATCH (a:Person {personId: 'bob'}), (b:Person {personId: 'ismail-haniyeh'}) MERGE (a)-[r:MET]->(b) SET r.edgeId = 'e3', r.confidence = 0.25, r.weight = 0.25, r.evidence = 1, r.articles = 1, r.sources = 0, r.documents = ['-doc3'], r.first_date = null, r.last_date = null, r.first_period = null, r.last_period = null, r.places = ['+Gaza; Rafah'], r.place = null, r.country = null, r.lat = null, r.lng = null;
            MERGE (d:Article {articleId: '-doc3'}) SET d.title = null, d.url = null, d.source = null, d.date = null, d.copies = 1, d.copy_ids = [], d.sources = [];
            MERGE (d:Article {articleId: 'a1'}) SET d.title = 'Talks in "Doha" = peace?
            A <b>second</b> line & more', d.url = 'https://example.org/a1?x=1&y=<2>', d.source = 'Reuters; Wire', d.date = date('2024-03-26'), d.copies = 2, d.copy_ids = ['a1-copy'], d.sources = ['Reuters; Wire', '=cmd'];
            MERGE (d:Article {articleId: 'a2'}) SET d.title = '\'Quoted', d.url = 'javascript:alert(1)', d.source = '=cmd', d.date = null, d.copies = 1, d.copy_ids = [], d.sources = ['=cmd'];
            MERGE (d:Article {articleId: 'a3;b'}) SET d.title = null, d.url = null, d.source = null, d.date = null, d.copies = 1, d.copy_ids = [], d.sources = [];
            MERGE (x:Evidence {evidenceId: 'e0.0'}) SET x.edgeId = 'e0', x.type = 'CONTACT', x.sentence = 'He said "=1+1"
            on the phone.', x.`start` = 10, x.`end` = 52, x.trigger = '=spoke', x.date = null, x.period = null, x.place = null, x.country = null, x.lat = null, x.lng = null, x.confidence = 0.6, x.cues = [];
            MATCH (x:Evidence {evidenceId: 'e0.0'}), (d:Article {articleId: 'a2'}) MERGE (x)-[:IN_ARTICLE]->(d);
            MATCH (x:Evidence {evidenceId: 'e0.0'}), (p:Person {personId: 'amir-abdollahian'}) MERGE (x)-[:INVOLVES]->(p);
            MATCH (x:Evidence {evidenceId: 'e0.0'}), (p:Person {personId: 'bob'}) MERGE (x)-[:INVOLVES]->(p);
            MERGE (x:Evidence {evidenceId: 'e1.0'}) SET x.edgeId = 'e1', x.type = 'MET', x.sentence = 'Amir-Abdollahian met Haniyeh in Doha.', x.`start` = 0, x.`end` = 48, x.trigger = 'met', x.date = date('2024-03-26'), x.period = '2024-03-26', x.place = 'Doha', x.country = 'QA', x.lat = 25.28545, x.lng = 51.53096, x.confidence = 0.9, x.cues = [];
            MATCH (x:Evidence {evidenceId: 'e1.0'}), (d:Article {articleId: 'a1'}) MERGE (x)-[:IN_ARTICLE]->(d);
            MATCH (x:Evidence {evidenceId: 'e1.0'}), (p:Person {personId: 'amir-abdollahian'}) MERGE (x)-[:INVOLVES]->(p);
            MATCH (x:Evidence {evidenceId: 'e1.0'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (x)-[:INVOLVES]->(p);
            MERGE (x:Evidence {evidenceId: 'e1.1'}) SET x.edgeId = 'e1', x.type = 'MET', x.sentence = 'They held talks in Tehran.', x.`start` = 100, x.`end` = 171, x.trigger = 'held talks', x.date = null, x.period = '2024-03', x.place = 'Tehran', x.country = 'IR', x.lat = 35.69439, x.lng = 51.42151, x.confidence = 0.7, x.cues = [];
            MATCH (x:Evidence {evidenceId: 'e1.1'}), (d:Article {articleId: 'a2'}) MERGE (x)-[:IN_ARTICLE]->(d);
            MATCH (x:Evidence {evidenceId: 'e1.1'}), (p:Person {personId: 'amir-abdollahian'}) MERGE (x)-[:INVOLVES]->(p);
            MATCH (x:Evidence {evidenceId: 'e1.1'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (x)-[:INVOLVES]->(p);
            MERGE (x:Evidence {evidenceId: 'e2.0'}) SET x.edgeId = 'e2', x.type = 'PLANNED', x.sentence = 'They will meet again.', x.`start` = 49, x.`end` = 90, x.trigger = '\'will meet', x.date = null, x.period = '2024', x.place = '@Home', x.country = null, x.lat = null, x.lng = null, x.confidence = 0.5, x.cues = [];
            MATCH (x:Evidence {evidenceId: 'e2.0'}), (d:Article {articleId: 'a1'}) MERGE (x)-[:IN_ARTICLE]->(d);
            MATCH (x:Evidence {evidenceId: 'e2.0'}), (p:Person {personId: 'amir-abdollahian'}) MERGE (x)-[:INVOLVES]->(p);
            MATCH (x:Evidence {evidenceId: 'e2.0'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (x)-[:INVOLVES]->(p);
            MERGE (x:Evidence {evidenceId: 'e3.0'}) SET x.edgeId = 'e3', x.type = 'MET', x.sentence = '-Bob⟨U+0009⟩met إسماعيل هنية 🕊️.', x.`start` = 7, x.`end` = 30, x.trigger = '@met', x.date = null, x.period = null, x.place = '+Gaza; Rafah', x.country = null, x.lat = null, x.lng = null, x.confidence = 0.25, x.cues = [];
            MATCH (x:Evidence {evidenceId: 'e3.0'}), (d:Article {articleId: '-doc3'}) MERGE (x)-[:IN_ARTICLE]->(d);
            MATCH (x:Evidence {evidenceId: 'e3.0'}), (p:Person {personId: 'bob'}) MERGE (x)-[:INVOLVES]->(p);
            MATCH (x:Evidence {evidenceId: 'e3.0'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (x)-[:INVOLVES]->(p);
            MATCH (d:Article {articleId: 'a1'}), (p:Person {personId: 'amir-abdollahian'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: 'a2'}), (p:Person {personId: 'amir-abdollahian'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: '-doc3'}), (p:Person {personId: 'bob'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: 'a2'}), (p:Person {personId: 'bob'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: '-doc3'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: 'a1'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: 'a2'}), (p:Person {personId: 'ismail-haniyeh'}) MERGE (d)-[:MENTIONS]->(p);
            MATCH (d:Article {articleId: 'a3;b'}), (p:Person {personId: 'zed'}) MERGE (d)-[:MENTIONS]->(p);
        "#]],
    );
}

#[test]
fn json() {
    check(
        Format::Json,
        &fixture(),
        expect![[r#"
            ==> graph.json <==
            {"elements":{"nodes":[
            {"data":{"id":"amir-abdollahian","label":"Hossein Amir-Abdollahian","aliases":["Amir-Abdollahian","حسین امیرعبداللهیان"],"roles":["Foreign Minister"],"mentions":5,"documents":["a1","a2"],"degree":3,"credit":false,"place":{"name":"Doha","country":"QA","lat":25.28545,"lng":51.53096}}},
            {"data":{"id":"bob","label":"Bob \"The Builder\" O'Neil <Ltd> & Co\\Sons","aliases":["+Bobby","-Bob","=HYPERLINK(\"http://x\")","@bob","Bob\nNewline","Bob\tTab","Bob; Jr."],"roles":["C:\\new\\table","owner; builder"],"mentions":5,"documents":["-doc3","a2"],"degree":2,"credit":false,"place":null}},
            {"data":{"id":"ismail-haniyeh","label":"إسماعيل هنية","aliases":["'Abu al-Abed","Haniyeh","Ismail Haniyeh 🕊️"],"roles":["head of Hamas's political bureau"],"mentions":7,"documents":["-doc3","a1","a2"],"degree":3,"credit":false,"place":{"name":"Doha","country":"QA","lat":25.28545,"lng":51.53096}}},
            {"data":{"id":"zed","label":"Zed\r\nCtrl\u0001⟨U+FFFF⟩\tEnd &#1;","aliases":[],"roles":[],"mentions":3,"documents":["a3;b"],"degree":0,"credit":false,"place":null}}
            ],"edges":[
            {"data":{"id":"e0","source":"amir-abdollahian","target":"bob","type":"CONTACT","confidence":0.6,"weight":0.6,"documents":["a2"],"first_date":null,"last_date":null,"places":[],"articles":1,"sources":1,"place":null,"evidence":[{"doc":"a2","start":10,"end":52,"sentence":"He said \"=1+1\"\non the phone.","trigger":"=spoke","date":null,"place":null,"confidence":0.6,"cues":[]}]}},
            {"data":{"id":"e1","source":"amir-abdollahian","target":"ismail-haniyeh","type":"MET","confidence":0.97,"weight":1.6,"documents":["a1","a2"],"first_date":"2024-03","last_date":"2024-03-26","places":["Doha","Tehran"],"articles":3,"sources":2,"place":{"name":"Doha","country":"QA","lat":25.28545,"lng":51.53096},"evidence":[{"doc":"a1","start":0,"end":48,"sentence":"Amir-Abdollahian met Haniyeh in Doha.","trigger":"met","date":"2024-03-26","place":"Doha","confidence":0.9,"cues":[]},{"doc":"a2","start":100,"end":171,"sentence":"They held talks in Tehran.","trigger":"held talks","date":"2024-03","place":"Tehran","confidence":0.7,"cues":[]}]}},
            {"data":{"id":"e2","source":"amir-abdollahian","target":"ismail-haniyeh","type":"PLANNED","confidence":0.5,"weight":0.5,"documents":["a1"],"first_date":"2024","last_date":"2024","places":["@Home"],"articles":2,"sources":2,"place":null,"evidence":[{"doc":"a1","start":49,"end":90,"sentence":"They will meet again.","trigger":"'will meet","date":"2024","place":"@Home","confidence":0.5,"cues":[]}]}},
            {"data":{"id":"e3","source":"bob","target":"ismail-haniyeh","type":"MET","confidence":0.25,"weight":0.25,"documents":["-doc3"],"first_date":null,"last_date":null,"places":["+Gaza; Rafah"],"articles":1,"sources":0,"place":null,"evidence":[{"doc":"-doc3","start":7,"end":30,"sentence":"-Bob\tmet إسماعيل هنية 🕊️.","trigger":"@met","date":null,"place":"+Gaza; Rafah","confidence":0.25,"cues":[]}]}}
            ]},"articles":[
            {"id":"-doc3","title":null,"url":null,"source":null,"date":null,"copies":1,"copy_ids":[],"sources":[]},
            {"id":"a1","title":"Talks in \"Doha\" = peace?\nA <b>second</b> line & more","url":"https://example.org/a1?x=1&y=<2>","source":"Reuters; Wire","date":"2024-03-26","copies":2,"copy_ids":["a1-copy"],"sources":["Reuters; Wire","=cmd"]},
            {"id":"a2","title":"'Quoted","url":"javascript:alert(1)","source":"=cmd","date":null,"copies":1,"copy_ids":[],"sources":["=cmd"]},
            {"id":"a3;b","title":null,"url":null,"source":null,"date":null,"copies":1,"copy_ids":[],"sources":[]}
            ]}
        "#]],
    );
}

#[test]
fn empty_graph_in_the_new_formats() {
    let empty = Graph::default();
    check(
        Format::Gexf,
        &empty,
        expect![[r#"
            ==> graph.gexf <==
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>whomet</creator>
                <description>Who met whom: people, and their meetings (MET), calls (CONTACT) and planned meetings (PLANNED)</description>
              </meta>
              <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
                <attributes class="node" mode="static">
                  <attribute id="aliases" title="aliases" type="liststring"/>
                  <attribute id="roles" title="roles" type="liststring"/>
                  <attribute id="mentions" title="mentions" type="integer"/>
                  <attribute id="documents" title="documents" type="liststring"/>
                  <attribute id="credit" title="credit" type="boolean"/>
                  <attribute id="place" title="place" type="string"/>
                  <attribute id="country" title="country" type="string"/>
                  <attribute id="lat" title="lat" type="double"/>
                  <attribute id="lng" title="lng" type="double"/>
                </attributes>
                <attributes class="edge" mode="static">
                  <attribute id="type" title="type" type="string"/>
                  <attribute id="confidence" title="confidence" type="double"/>
                  <attribute id="evidence" title="evidence" type="integer"/>
                  <attribute id="documents" title="documents" type="liststring"/>
                  <attribute id="places" title="places" type="liststring"/>
                  <attribute id="first_date" title="first_date" type="string"/>
                  <attribute id="last_date" title="last_date" type="string"/>
                  <attribute id="articles" title="articles" type="integer"/>
                  <attribute id="sources" title="sources" type="integer"/>
                  <attribute id="place" title="place" type="string"/>
                  <attribute id="country" title="country" type="string"/>
                  <attribute id="lat" title="lat" type="double"/>
                  <attribute id="lng" title="lng" type="double"/>
                </attributes>
                <nodes count="0">
                </nodes>
                <edges count="0">
                </edges>
              </graph>
            </gexf>
        "#]],
    );
    check(
        Format::GephiCsv,
        &empty,
        expect![[r#"
        ==> gephi-nodes.csv <==
        Id,Label,Aliases,Roles,Mentions,Documents
        ==> gephi-edges.csv <==
        Source,Target,Type,Weight,Kind,Confidence,Evidence,Documents,Places,Timeset,Id
    "#]],
    );
    check(
        Format::Cypher,
        &empty,
        expect![[r#"
            ==> import.cypher <==
            // whomet: 0 people, 0 MET, 0 CONTACT, 0 PLANNED relationships, 0 articles, 0 pieces of evidence.
            // Idempotent: run it again and nothing is duplicated. Relationships point from the id that sorts
            // first; query them without an arrow, and count with count(DISTINCT r). Run: cypher-shell -f import.cypher
            CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.personId IS UNIQUE;
            CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.articleId IS UNIQUE;
            CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.evidenceId IS UNIQUE;
        "#]],
    );
    check(
        Format::Json,
        &empty,
        expect![[r#"
            ==> graph.json <==
            {"elements":{"nodes":[
            ],"edges":[
            ]},"articles":[
            ]}
        "#]],
    );
}
