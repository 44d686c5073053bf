//! Prints the people stage's mentions of an article, by sentence.
fn main() {
    let path = std::env::args().nth(1).expect("usage: mentions FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let (doc, _) = whomet_extract::prepare(
        &whomet_extract::Input {
            id: "m",
            source: &path,
            ..Default::default()
        },
        &bytes,
    );
    let ex = whomet_extract::extract(&doc);
    for m in &ex.people.mentions {
        println!(
            "S{} {:?} {:?} -> {}",
            m.sentence,
            m.kind,
            m.span.of(&doc.text),
            ex.people.people[m.person].name
        );
    }
}
