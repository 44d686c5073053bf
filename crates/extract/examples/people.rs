//! Prints the people of the text on standard input: name, aliases, roles, and each titled
//! mention's title. `echo "Aide to the Russian President Yury Ushakov spoke." | cargo run
//! --example people -p whomet-extract`
use std::io::Read;
use whomet_extract::{Input, extract, prepare};

fn main() {
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        return;
    }
    let (doc, _) = prepare(&Input::default(), &bytes);
    let ex = extract(&doc);
    for p in &ex.people.people {
        println!("{} | aka {:?} | roles {:?}", p.name, p.aliases, p.roles);
    }
    for (name, title) in &ex.people.titles {
        println!(
            "title: {:?} + {:?}",
            title.of(&doc.text),
            name.of(&doc.text)
        );
    }
}
