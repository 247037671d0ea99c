// Stylesheets have no meaning under jsdom; importing one yields an empty module.
module.exports = {}
