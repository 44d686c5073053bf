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
          <key id="e_type" for="edge" attr.name="type" attr.type="string"/>
          <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <key id="evidence" for="edge" attr.name="evidence" attr.type="int"/>
          <key id="e_documents" for="edge" attr.name="documents" attr.type="string"/>
          <key id="first_date" for="edge" attr.name="first_date" attr.type="string"/>
          <key id="last_date" for="edge" attr.name="last_date" attr.type="string"/>
          <key id="places" for="edge" attr.name="places" attr.type="string"/>
          <key id="edge_id" for="edge" attr.name="edge_id" attr.type="string"/>
          <graph id="whomet" edgedefault="undirected">
            <node id="amir-abdollahian">
              <data key="label">Hossein Amir-Abdollahian</data>
              <data key="aliases">Amir-Abdollahian; حسین امیرعبداللهیان</data>
              <data key="roles">Foreign Minister</data>
              <data key="n_type">PERSON</data>
              <data key="mentions">5</data>
              <data key="n_documents">2</data>
            </node>
            <node id="bob">
              <data key="label">Bob &quot;The Builder&quot; O&apos;Neil &lt;Ltd&gt; &amp; Co\Sons</data>
              <data key="aliases">+Bobby; -Bob; =HYPERLINK(&quot;http://x&quot;); @bob; Bob&#10;Newline; Bob&#9;Tab; Bob, Jr.</data>
              <data key="roles">C:\new\table; owner, builder</data>
              <data key="n_type">PERSON</data>
              <data key="mentions">5</data>
              <data key="n_documents">2</data>
            </node>
            <node id="ismail-haniyeh">
              <data key="label">إسماعيل هنية</data>
              <data key="aliases">Haniyeh; Ismail Haniyeh 🕊️</data>
              <data key="roles">head of Hamas&apos;s political bureau</data>
              <data key="n_type">PERSON</data>
              <data key="mentions">7</data>
              <data key="n_documents">3</data>
            </node>
            <node id="zed">
              <data key="label">Zed&#13;&#10;Ctrl��End</data>
              <data key="aliases"></data>
              <data key="roles"></data>
              <data key="n_type">PERSON</data>
              <data key="mentions">1</data>
              <data key="n_documents">0</data>
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
        expect![[r#"
        ==> graph.dot <==
        graph whomet {
          "amir-abdollahian"[label="Hossein Amir-Abdollahian" tooltip="Hossein Amir-Abdollahian\naliases: Amir-Abdollahian; حسین امیرعبداللهیان\nroles: Foreign Minister\nmentions: 5, documents: 2" width=1.18 fontsize=17.46]
          "bob"[label="Bob \"The Builder\" O'Neil <Ltd> & Co\\Sons" tooltip="Bob \"The Builder\" O'Neil <Ltd> & Co\\Sons\naliases: +Bobby; -Bob; =HYPERLINK(\"http://x\"); @bob; Bob\nNewline; Bob⟨U+0009⟩Tab; Bob; Jr.\nroles: C:\\new\\table; owner; builder\nmentions: 5, documents: 2" width=1.10 fontsize=16.83]
          "ismail-haniyeh"[label="إسماعيل هنية" tooltip="إسماعيل هنية\naliases: Haniyeh; Ismail Haniyeh 🕊️\nroles: head of Hamas's political bureau\nmentions: 7, documents: 3" width=1.18 fontsize=17.46]
          "zed"[label="Zed\nCtrl��End" tooltip="Zed\nCtrl��End\naliases: none\nroles: none\nmentions: 1, documents: 0" width=0.75 fontsize=14.00]
          "amir-abdollahian" -- "bob" [style=dashed color=royalblue penwidth=2.80 tooltip="Hossein Amir-Abdollahian CONTACT Bob \"The Builder\" O'Neil <Ltd> & Co\\Sons\ndate: unknown\nplaces: unknown\nevidence: 1, documents: 1"]
          "amir-abdollahian" -- "ismail-haniyeh" [style=solid color=black penwidth=3.91 tooltip="Hossein Amir-Abdollahian MET إسماعيل هنية\ndate: 2024-03 to 2024-03-26\nplaces: Doha; Tehran\nevidence: 2, documents: 2"]
          "amir-abdollahian" -- "ismail-haniyeh" [style=dotted color=darkorange penwidth=2.50 tooltip="Hossein Amir-Abdollahian PLANNED إسماعيل هنية\ndate: 2024\nplaces: @Home\nevidence: 1, documents: 1"]
          "bob" -- "ismail-haniyeh" [style=solid color=black penwidth=1.75 tooltip="Bob \"The Builder\" O'Neil <Ltd> & Co\\Sons MET إسماعيل هنية\ndate: unknown\nplaces: +Gaza; Rafah\nevidence: 1, documents: 1"]
        }
    "#]],
    );
}

#[test]
fn neo4j_csv() {
    check(
        Format::Neo4jCsv,
        &fixture(),
        expect![[r#"
        ==> nodes.csv <==
        personId:ID(Person),name,aliases:string[],roles:string[],mentions:int,documents:int,:LABEL
        amir-abdollahian,Hossein Amir-Abdollahian,Amir-Abdollahian;حسین امیرعبداللهیان,Foreign Minister,5,2,Person
        bob,"Bob ""The Builder"" O'Neil <Ltd> & Co\Sons","+Bobby;-Bob;=HYPERLINK(""http://x"");@bob;Bob Newline;Bob Tab;Bob, Jr.","C:\new\table;owner, builder",5,2,Person
        ismail-haniyeh,إسماعيل هنية,Haniyeh;Ismail Haniyeh 🕊️,head of Hamas's political bureau,7,3,Person
        zed,Zed  Ctrl⟨U+0001⟩⟨U+FFFF⟩End,,,1,0,Person
        ==> relationships.csv <==
        :START_ID(Person),:END_ID(Person),:TYPE,confidence:float,weight:float,evidence:int,documents:string[],first_date,last_date,places:string[]
        amir-abdollahian,bob,CONTACT,0.6,0.6,1,a2,,,
        amir-abdollahian,ismail-haniyeh,MET,0.97,1.6,2,a1;a2,2024-03,2024-03-26,Doha;Tehran
        amir-abdollahian,ismail-haniyeh,PLANNED,0.5,0.5,1,a1,2024,2024,@Home
        bob,ismail-haniyeh,MET,0.25,0.25,1,-doc3,,,"+Gaza, Rafah"
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
        source,target,source_name,target_name,type,document,start,end,sentence,trigger,date,place,confidence
        amir-abdollahian,bob,Hossein Amir-Abdollahian,"Bob ""The Builder"" O'Neil <Ltd> & Co\Sons",CONTACT,a2,10,52,"He said ""=1+1"" on the phone.",'=spoke,,,0.6
        amir-abdollahian,ismail-haniyeh,Hossein Amir-Abdollahian,إسماعيل هنية,MET,a1,0,48,Amir-Abdollahian met Haniyeh in Doha.,met,2024-03-26,Doha,0.9
        amir-abdollahian,ismail-haniyeh,Hossein Amir-Abdollahian,إسماعيل هنية,MET,a2,100,171,They held talks in Tehran.,held talks,2024-03,Tehran,0.7
        amir-abdollahian,ismail-haniyeh,Hossein Amir-Abdollahian,إسماعيل هنية,PLANNED,a1,49,90,They will meet again.,will meet,2024,'@Home,0.5
        bob,ismail-haniyeh,"Bob ""The Builder"" O'Neil <Ltd> & Co\Sons",إسماعيل هنية,MET,'-doc3,7,30,'-Bob met إسماعيل هنية 🕊️.,'@met,,'+Gaza; Rafah,0.25
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
          <key id="e_type" for="edge" attr.name="type" attr.type="string"/>
          <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <key id="evidence" for="edge" attr.name="evidence" attr.type="int"/>
          <key id="e_documents" for="edge" attr.name="documents" attr.type="string"/>
          <key id="first_date" for="edge" attr.name="first_date" attr.type="string"/>
          <key id="last_date" for="edge" attr.name="last_date" attr.type="string"/>
          <key id="places" for="edge" attr.name="places" attr.type="string"/>
          <key id="edge_id" for="edge" attr.name="edge_id" attr.type="string"/>
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

        }
    "#]],
    );
    check(
        Format::Neo4jCsv,
        &empty,
        expect![[r#"
        ==> nodes.csv <==
        personId:ID(Person),name,aliases:string[],roles:string[],mentions:int,documents:int,:LABEL
        ==> relationships.csv <==
        :START_ID(Person),:END_ID(Person),:TYPE,confidence:float,weight:float,evidence:int,documents:string[],first_date,last_date,places:string[]
    "#]],
    );
    check(
        Format::EvidenceCsv,
        &empty,
        expect![[r#"
        ==> evidence.csv <==
        source,target,source_name,target_name,type,document,start,end,sentence,trigger,date,place,confidence
    "#]],
    );
}
