"""Generated names for demo people; nobody real."""

GIVEN = (
    "Aaliyah Aaron Abigail Adrian Aisha Alejandro Alicia Amara Andre Angela Antonio Ava "
    "Benjamin "
    "Bianca Brandon Camila Carlos Carmen Chloe Christopher Daniel Danielle Darius Deja Diana Diego "
    "Elena Elijah Emily Emmanuel Erica Esperanza Ethan Fatima Felipe Gabriel Grace Hannah Hector "
    "Imani Isaac Isabella Jamal Jasmine Javier Jessica Jordan Joseph Julia Kayla Keisha "
    "Kenji Kevin "
    "Laura Leah Lucas Luis Malik Maria Marcus Maya Mei Michael Miguel Monique Nadia "
    "Natalie Nia Noah "
    "Olivia Omar Priya Rachel Rafael Raven Rosa Ryan Samantha Samuel Sofia Tamika Terrence Thomas "
    "Valeria Vanessa Victor William Xavier Yesenia Zoe"
).split()
FAMILY = (
    "Adams Alvarez Anderson Baker Banks Bell Brooks Brown Bryant Campbell Carter Castillo "
    "Chen "
    "Clark Coleman Collins Cruz Davis Diaz Edwards Evans Flores Foster Garcia Gomez Gonzalez Gray "
    "Green Griffin Hall Harris Hayes Hernandez Hill Howard Hughes Jackson James Jenkins Johnson "
    "Jones Kim Lee Lewis Long Lopez Martin Martinez Mitchell Moore Morales Morgan Murphy Nguyen "
    "Ortiz Parker Patel Perez Perry Peterson Phillips Powell Ramirez Reed Reyes Richardson Rivera "
    "Roberts Robinson Rodriguez Rogers Ross Russell Sanchez Sanders Scott Simmons Smith Stewart "
    "Sullivan Taylor Thomas Thompson Torres Turner Walker Ward Washington Watson White Williams "
    "Wilson Wood Wright Young"
).split()
