//! Rules of public real-world configs, written with lowbit's attributes and
//! held to the projects' own messages. Each module cites where its rules
//! come from and counts how many became declarative.

mod training_arguments;
